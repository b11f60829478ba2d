package dev.voicebot.speech.vad;

import static dev.voicebot.config.Checks.ensureRange;

import dev.voicebot.config.SpeechConfig;
import java.time.Duration;

/**
 * How utterances are cut from the stream.
 *
 * @param preRoll      audio kept before the detected onset, so that a soft first consonant reaches ASR
 * @param hangover     silence after the last speech frame that ends an utterance
 * @param maxUtterance an utterance is cut here even if speech goes on
 * @param minSpeech    utterances with less speech than this (a cough, a click) are discarded
 */
public record EndpointerSettings(Duration preRoll, Duration hangover, Duration maxUtterance, Duration minSpeech) {

    public EndpointerSettings {
        ensureRange(preRoll, Duration.ZERO, Duration.ofSeconds(2), "preRoll");
        ensureRange(hangover, Duration.ofMillis(50), Duration.ofSeconds(5), "hangover");
        ensureRange(maxUtterance, Duration.ofSeconds(1), Duration.ofSeconds(60), "maxUtterance");
        ensureRange(minSpeech, Duration.ofMillis(30), Duration.ofSeconds(2), "minSpeech");
    }

    /** 200 ms pre-roll, 300 ms hangover, 15 s maximum, 120 ms minimum speech. */
    public static EndpointerSettings defaults() {
        return new EndpointerSettings(Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofSeconds(15), Duration.ofMillis(120));
    }

    public static EndpointerSettings from(SpeechConfig config) {
        return new EndpointerSettings(config.preRoll(), config.hangover(), config.maxUtterance(), Duration.ofMillis(120));
    }
}
