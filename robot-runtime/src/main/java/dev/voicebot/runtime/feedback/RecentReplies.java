package dev.voicebot.runtime.feedback;

import static dev.voicebot.config.Checks.ensureNotBlank;
import static dev.voicebot.config.Checks.ensureNotNull;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last {@code capacity} replies the robot gave, by the {@code msgId} of their message on
 * {@code robot/{id}/reply}, with the utterance each answered, so that a report can name them.
 * Held in memory only. Thread-safe.
 */
public final class RecentReplies {
    /** One reply: its message id, when it was given, what was said and what it answered. */
    public record Entry(String msgId, Instant at, Said reply, Said utterance) {
        public Entry {
            ensureNotBlank(msgId, "msgId");
            ensureNotNull(at, "at");
            ensureNotNull(reply, "reply");
            ensureNotNull(utterance, "utterance");
        }
    }

    private final int capacity;
    private final LinkedHashMap<String, Entry> entries;

    public RecentReplies(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > RecentReplies.this.capacity;
            }
        };
    }

    public synchronized void add(Entry entry) {
        ensureNotNull(entry, "entry");
        entries.remove(entry.msgId());
        entries.put(entry.msgId(), entry);
    }

    public synchronized Optional<Entry> find(String msgId) {
        return Optional.ofNullable(msgId == null ? null : entries.get(msgId));
    }

    /** The newest reply, if any. */
    public synchronized Optional<Entry> latest() {
        Entry last = null;
        for (Entry e : entries.values()) {
            last = e;
        }
        return Optional.ofNullable(last);
    }

    public synchronized int size() {
        return entries.size();
    }

    public int capacity() {
        return capacity;
    }
}
