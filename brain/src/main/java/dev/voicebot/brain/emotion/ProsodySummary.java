package dev.voicebot.brain.emotion;

import static dev.voicebot.config.Checks.ensureRange;

/**
 * How an utterance sounded, in plain numbers the speech front end can fill in (so that brain does not
 * depend on speech): mean and range of the pitch in Hz (0 when unvoiced or unknown), loudness in dB
 * relative to full scale (-120 to 0), and speaking rate in syllables per second (0 when unknown).
 */
public record ProsodySummary(double pitchMeanHz, double pitchRangeHz, double energyDb, double syllablesPerSecond) {
    public ProsodySummary {
        ensureRange(pitchMeanHz, 0, 1000, "pitchMeanHz");
        ensureRange(pitchRangeHz, 0, 1000, "pitchRangeHz");
        ensureRange(energyDb, -120, 0, "energyDb");
        ensureRange(syllablesPerSecond, 0, 20, "syllablesPerSecond");
    }

    /** A typical calm adult speaker, the reference when nothing is known about the speaker. */
    public static ProsodySummary typicalSpeaker() {
        return new ProsodySummary(165, 60, -26, 4.5);
    }

    /**
     * Arousal from -1 (flat, quiet, slow: tired or sad) to 1 (loud, fast, wide pitch: angry, excited
     * or afraid), compared with a {@code baseline} of the same speaker (or {@link #typicalSpeaker()}).
     * Unknown parts (0) do not count.
     */
    public double arousal(ProsodySummary baseline) {
        double sum = 0;
        int parts = 0;
        if (energyDb > -120 && baseline.energyDb > -120) {
            sum += clamp((energyDb - baseline.energyDb) / 10.0);
            parts++;
        }
        if (pitchRangeHz > 0 && baseline.pitchRangeHz > 0) {
            sum += clamp((pitchRangeHz / baseline.pitchRangeHz - 1) / 0.8);
            parts++;
        }
        if (pitchMeanHz > 0 && baseline.pitchMeanHz > 0) {
            sum += clamp((pitchMeanHz / baseline.pitchMeanHz - 1) / 0.3);
            parts++;
        }
        if (syllablesPerSecond > 0 && baseline.syllablesPerSecond > 0) {
            sum += clamp((syllablesPerSecond / baseline.syllablesPerSecond - 1) / 0.4);
            parts++;
        }
        return parts == 0 ? 0 : sum / parts;
    }

    private static double clamp(double v) {
        return Math.max(-1, Math.min(1, v));
    }
}
