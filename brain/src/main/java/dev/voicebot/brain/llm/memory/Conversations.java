package dev.voicebot.brain.llm.memory;

import static dev.voicebot.config.Checks.ensureNotBlank;
import static dev.voicebot.config.Checks.ensureNotNull;
import static dev.voicebot.config.Checks.ensureRange;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversation memory of each session, forgotten after {@code idleReset} without an utterance:
 * someone who comes back later starts afresh. Sessions idle that long are also dropped from the map.
 */
public final class Conversations {
    private static final Logger LOG = LoggerFactory.getLogger(Conversations.class);

    private final int maxTokens;
    private final Duration idleReset;
    private final InstantSource clock;
    private final Map<String, Entry> sessions = new HashMap<>();

    private static final class Entry {
        final ConversationMemory memory;
        Instant lastUsed;

        Entry(ConversationMemory memory, Instant lastUsed) {
            this.memory = memory;
            this.lastUsed = lastUsed;
        }
    }

    public Conversations(int maxTokens, Duration idleReset, InstantSource clock) {
        this.maxTokens = ensureRange(maxTokens, 0, Integer.MAX_VALUE, "maxTokens");
        this.idleReset = ensureRange(idleReset, Duration.ofMillis(1), Duration.ofDays(365), "idleReset");
        this.clock = ensureNotNull(clock, "clock");
    }

    /** The memory of {@code sessionId} for a new utterance: empty when new or idle for {@code idleReset} or longer. */
    public synchronized ConversationMemory session(String sessionId) {
        ensureNotBlank(sessionId, "sessionId");
        Instant now = clock.instant();
        for (Iterator<Map.Entry<String, Entry>> it = sessions.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Entry> e = it.next();
            if (isIdle(e.getValue(), now)) {
                LOG.debug("session '{}' idle since {}: conversation forgotten", e.getKey(), e.getValue().lastUsed);
                e.getValue().memory.clear();
                it.remove();
            }
        }
        Entry entry = sessions.computeIfAbsent(sessionId, id -> new Entry(new ConversationMemory(maxTokens), now));
        entry.lastUsed = now;
        return entry.memory;
    }

    public synchronized void forget(String sessionId) {
        Entry e = sessions.remove(sessionId);
        if (e != null) {
            e.memory.clear();
        }
    }

    public synchronized int sessionCount() {
        return sessions.size();
    }

    private boolean isIdle(Entry e, Instant now) {
        return Duration.between(e.lastUsed, now).compareTo(idleReset) >= 0;
    }
}
