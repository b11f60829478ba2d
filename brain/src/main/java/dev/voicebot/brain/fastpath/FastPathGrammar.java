package dev.voicebot.brain.fastpath;

import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.actuators.intent.Intent;
import dev.voicebot.actuators.intent.Stop;
import dev.voicebot.config.MotionConfig;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The deterministic command grammar for English and Korean. Returns the intents of an utterance
 * that is a command, or empty when it is not one.
 * (Walking-skeleton version: only stop words; the full grammar replaces this body.)
 */
public final class FastPathGrammar {
    private final MotionConfig motion;

    public FastPathGrammar(MotionConfig motion) {
        this.motion = ensureNotNull(motion, "motion");
    }

    public Optional<List<Intent>> parse(String utterance) {
        String t = utterance.strip().toLowerCase(Locale.ROOT);
        if (t.equals("stop") || t.equals("멈춰") || t.equals("정지") || t.equals("그만")) {
            return Optional.of(List.of(new Stop()));
        }
        return Optional.empty();
    }

    MotionConfig motion() {
        return motion;
    }
}
