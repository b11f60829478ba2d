package dev.voicebot.config;

import static dev.voicebot.config.Checks.ensureNotNull;
import static dev.voicebot.config.Checks.ensureRange;

import java.time.Duration;

/**
 * What the runtime keeps and shares. {@code redact}: e-mail addresses, phone numbers and numbers
 * that look like card or ID numbers are replaced before any text is stored or published.
 * {@code publishTranscripts} false: what was heard or typed is not published over MQTT (only intents
 * and replies), for shared brokers. {@code recordAudio}: a debug option that keeps each utterance
 * as a WAV file in the data directory, bounded by {@code recordings}. {@code sweepEvery}: how often
 * retention limits are enforced while running (they are also enforced at start).
 */
public record PrivacyConfig(boolean redact, boolean publishTranscripts, boolean recordAudio, RetentionConfig recordings,
                            Duration sweepEvery) {
    public PrivacyConfig {
        ensureNotNull(recordings, "recordings");
        ensureRange(sweepEvery, Duration.ofSeconds(1), Duration.ofDays(1), "sweepEvery");
    }
}
