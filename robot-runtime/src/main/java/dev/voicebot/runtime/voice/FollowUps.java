package dev.voicebot.runtime.voice;

import dev.voicebot.actuators.intent.Intent;
import dev.voicebot.actuators.intent.Move;
import dev.voicebot.actuators.intent.Turn;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The context a spoken session keeps: the last motion, so that "a bit more" / "조금 더" repeats it at
 * half the size. A session ends after {@code silence} without an utterance; then a follow-up means
 * nothing. Thread-safe.
 */
public final class FollowUps {
    private static final Pattern MORE = Pattern.compile(
            "^(?:(?:just |only )?(?:a )?(?:(?:little|tiny|wee) )?bit more|a little (?:more|further)|(?:some|a little) more|more|"
                    + "조금\\s*더|좀\\s*더|약간\\s*더|더)(?:\\s*(?:please|요|해|가|줘|해줘|돌아|돌아줘))?$");

    private final Duration silence;
    private Intent lastMotion;
    private long lastHeardNanos;

    public FollowUps(Duration silence) {
        this.silence = silence;
    }

    /** True when {@code text} is a "more" follow-up (whether or not there is anything to repeat). */
    public static boolean isMore(String text) {
        String t = text.toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}。、！？]", " ").replaceAll("\\s+", " ").strip();
        return MORE.matcher(t).matches();
    }

    /**
     * A follow-up for {@code text} heard now: the last motion of this session at half the size, or empty
     * (not a follow-up, no motion yet, or the session ended in silence). Call {@link #heard} after.
     */
    public synchronized Optional<Intent> followUp(String text, long nowNanos) {
        if (!isMore(text) || lastMotion == null || nowNanos - lastHeardNanos > silence.toNanos()) {
            return Optional.empty();
        }
        Intent smaller;
        if (lastMotion instanceof Move m) {
            smaller = new Move(m.distanceM() / 2, m.speedMps());
        } else if (lastMotion instanceof Turn t) {
            smaller = new Turn(t.angleDeg() / 2, t.rateDegPerS());
        } else {
            return Optional.empty();
        }
        lastMotion = smaller;
        return Optional.of(smaller);
    }

    /** An utterance was handled now; its motion intents (if any) become the session's last motion. */
    public synchronized void heard(List<Intent> intents, long nowNanos) {
        if (nowNanos - lastHeardNanos > silence.toNanos()) {
            lastMotion = null; // a new session
        }
        lastHeardNanos = nowNanos;
        for (Intent i : intents) {
            if (i instanceof Move || i instanceof Turn) {
                lastMotion = i;
            }
        }
    }
}
