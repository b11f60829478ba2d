package dev.voicebot.runtime.voice;

import dev.voicebot.speech.audio.AudioSource;
import dev.voicebot.speech.audio.Pcm16k;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * An {@link AudioSource} that remembers when (wall clock) each stretch of audio was read and how loud
 * the latest chunk was: the voice loop measures ASR time from "the utterance's last sample was read" to
 * "the transcript arrived", and the half-duplex gate compares the input level with the robot's echo.
 */
final class MeteredSource implements AudioSource {
    private static final long KEEP_MS = 120_000;

    private final AudioSource source;
    private final java.util.function.DoubleConsumer levels;
    private final ConcurrentSkipListMap<Long, Long> readAt = new ConcurrentSkipListMap<>();
    private long samples;
    private volatile double levelDb = -120;

    MeteredSource(AudioSource source, java.util.function.DoubleConsumer levels) {
        this.source = source;
        this.levels = levels;
    }

    @Override
    public int read(float[] buffer) {
        int n = source.read(buffer);
        if (n > 0) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += buffer[i] * (double) buffer[i];
            }
            levelDb = 10 * Math.log10(Math.max(sum / n, 1e-12));
            samples += n;
            levels.accept(levelDb);
            long ms = samples / Pcm16k.SAMPLES_PER_MS;
            readAt.put(ms, System.nanoTime());
            readAt.headMap(ms - KEEP_MS).clear();
        }
        return n;
    }

    /** Wall-clock nanos at which audio up to {@code ms} (from the start of the input) had been read, if still known. */
    Long nanosWhenRead(long ms) {
        Map.Entry<Long, Long> e = readAt.ceilingEntry(ms);
        return e == null ? null : e.getValue();
    }

    /** Audio read so far, ms from the start of the input (call on the reading thread). */
    long readMs() {
        return samples / Pcm16k.SAMPLES_PER_MS;
    }

    /** Level of the latest chunk read, dBFS. */
    double levelDb() {
        return levelDb;
    }

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public void close() {
        source.close();
    }
}
