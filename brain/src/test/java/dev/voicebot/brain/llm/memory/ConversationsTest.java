package dev.voicebot.brain.llm.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ConversationsTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T10:00:00Z"));
    private final InstantSource clock = () -> now.get();

    private static Turn turn(String user, int tokens) {
        return new Turn(user, "{\"reply\":\"ok\",\"intents\":[]}", tokens);
    }

    @Test
    void memoryDropsOldestTurnsBeyondItsTokenBudget() {
        ConversationMemory m = new ConversationMemory(100);
        m.add(turn("a", 40));
        m.add(turn("b", 40));
        assertEquals(80, m.tokens());
        m.add(turn("c", 40));
        assertEquals(List.of("b", "c"), m.turns().stream().map(Turn::user).toList());
        assertEquals(80, m.tokens());
        m.add(turn("huge", 500));
        assertEquals(List.of(), m.turns(), "a turn larger than the budget is not kept, nor anything older");
        assertEquals(0, m.tokens());
    }

    @Test
    void keepNewestTrimsFromTheOldEnd() {
        ConversationMemory m = new ConversationMemory(1000);
        for (String u : List.of("a", "b", "c", "d")) {
            m.add(turn(u, 10));
        }
        m.keepNewest(2);
        assertEquals(List.of("c", "d"), m.turns().stream().map(Turn::user).toList());
        assertEquals(20, m.tokens());
        m.keepNewest(5);
        assertEquals(2, m.turns().size());
    }

    @Test
    void sessionsAreSeparateAndForgottenAfterTheIdleTimeout() {
        Conversations c = new Conversations(1000, Duration.ofMinutes(5), clock);
        ConversationMemory alice = c.session("alice");
        alice.add(turn("hello", 10));
        c.session("bob").add(turn("hi", 10));
        now.set(now.get().plus(Duration.ofMinutes(4)));
        assertSame(alice, c.session("alice"));
        assertEquals(1, c.session("alice").turns().size(), "4 minutes idle: still remembered");
        now.set(now.get().plus(Duration.ofMinutes(5)));
        ConversationMemory later = c.session("alice");
        assertEquals(List.of(), later.turns(), "5 minutes idle: forgotten");
        assertNotSame(alice, later);
        assertEquals(1, c.sessionCount(), "bob, idle for 9 minutes, was dropped as well");
    }

    @Test
    void forgetClearsOneSession() {
        Conversations c = new Conversations(1000, Duration.ofMinutes(5), clock);
        c.session("a").add(turn("x", 1));
        c.session("b").add(turn("y", 1));
        c.forget("a");
        assertEquals(List.of(), c.session("a").turns());
        assertEquals(1, c.session("b").turns().size());
    }
}
