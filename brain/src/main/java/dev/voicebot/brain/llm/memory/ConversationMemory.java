package dev.voicebot.brain.llm.memory;

import static dev.voicebot.config.Checks.ensureNotNull;
import static dev.voicebot.config.Checks.ensureRange;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The past turns of one conversation, at most {@code maxTokens} tokens in all: adding a turn drops the
 * oldest turns until the rest fits (a single turn larger than the budget is not kept). Thread-safe.
 */
public final class ConversationMemory {
    private final int maxTokens;
    private final Deque<Turn> turns = new ArrayDeque<>();
    private int tokens;

    public ConversationMemory(int maxTokens) {
        this.maxTokens = ensureRange(maxTokens, 0, Integer.MAX_VALUE, "maxTokens");
    }

    public synchronized void add(Turn turn) {
        ensureNotNull(turn, "turn");
        turns.addLast(turn);
        tokens += turn.tokens();
        while (tokens > maxTokens && !turns.isEmpty()) {
            tokens -= turns.removeFirst().tokens();
        }
    }

    /** Oldest first. */
    public synchronized List<Turn> turns() {
        return List.copyOf(turns);
    }

    /** Keeps only the newest {@code count} turns (when the prompt with all of them would not fit the context). */
    public synchronized void keepNewest(int count) {
        while (turns.size() > Math.max(0, count)) {
            tokens -= turns.removeFirst().tokens();
        }
    }

    public synchronized int tokens() {
        return tokens;
    }

    public synchronized void clear() {
        turns.clear();
        tokens = 0;
    }

    public int maxTokens() {
        return maxTokens;
    }
}
