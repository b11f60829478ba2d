package dev.voicebot.brain.fastpath;

import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.actuators.intent.Intent;
import dev.voicebot.actuators.intent.Stop;
import dev.voicebot.config.MotionConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The deterministic command grammar for English and Korean: no model, microseconds per line.
 * Returns the intents of an utterance that is a command, in order, or empty when it is not one
 * (the router then asks the language model, if any).
 *
 * <p>Decisions worth knowing:
 * <ul>
 *   <li><b>Stop wins.</b> When a stop word appears anywhere as a word (stop, halt, freeze, 멈춰, 정지,
 *       그만, 스톱, "don't move", "움직이지 마"), the result is exactly {@code [Stop]}, whatever else was
 *       said. "Don't stop believing" and "stop sign" therefore stop the robot too: a needless stop is
 *       cheap, a missed one is not.</li>
 *   <li><b>All or nothing.</b> Every word of every clause must be understood; one unknown word makes
 *       the whole utterance "not a command" rather than running part of it. This is what keeps
 *       "turn the music up", "I'm moving to Seoul next year" or "go ahead, tell me" out.</li>
 *   <li><b>Questions are not commands.</b> "Should I turn left?", "turn left?", "뒤로 가는 게 좋을까?"
 *       and "앞으로 가요?" give empty; requests phrased as questions are commands ("can you turn
 *       left?", "앞으로 가 줄래?").</li>
 *   <li><b>Defaults.</b> Speeds come from {@link MotionConfig}; "slowly"/"천천히" halve them and
 *       "quickly"/"빨리" multiply them by 1.5. A move with a direction but no distance goes 1 m ("a
 *       little": 0.25 m); "go ahead" alone and a bare "move" are not commands. A turn with a side but no
 *       angle is 90°, "turn around"/"뒤로 돌아" 180°, "spin" 360°, a turn with no side turns left
 *       (positive). Looks default to 30° (a little: 15°). A number without a unit is metres for a
 *       move and degrees for a turn or look.</li>
 *   <li><b>Unsupported on purpose.</b> Sideways moves ("go left": the base only drives straight), a
 *       look backwards, pointing somewhere other than ahead, speeds for gestures: these give empty.</li>
 *   <li>The language is chosen by script: any Hangul means Korean (units such as "2m" may be Latin).</li>
 * </ul>
 */
public final class FastPathGrammar {
    private final MotionConfig motion;
    private final TextNormalizer normalizer = new TextNormalizer();
    private final StopDetector stops = new StopDetector();
    private final EnglishClauseGrammar english = new EnglishClauseGrammar();
    private final KoreanClauseGrammar korean = new KoreanClauseGrammar();
    private final IntentFactory intents;

    public FastPathGrammar(MotionConfig motion) {
        this.motion = ensureNotNull(motion, "motion");
        this.intents = new IntentFactory(motion);
    }

    /**
     * The intents of {@code utterance} in the order said, or empty when it is not a command that this
     * grammar understands. Never returns an empty list and never produces {@code Speak}.
     *
     * @throws dev.voicebot.config.InvalidValueException when {@code utterance} is null
     */
    public Optional<List<Intent>> parse(String utterance) {
        ensureNotNull(utterance, "utterance");
        NormalizedText text = normalizer.normalize(utterance);
        if (stops.isStop(text)) {
            return Optional.of(List.of(new Stop()));
        }
        if (text.text().isEmpty() || text.text().length() > FastPathDefaults.MAX_COMMAND_CHARS) {
            return Optional.empty();
        }
        Optional<List<CommandClause>> clauses = text.hangul() ? korean.parse(text) : english.parse(text);
        if (clauses.isEmpty() || clauses.get().isEmpty()) {
            return Optional.empty();
        }
        List<Intent> out = new ArrayList<>(clauses.get().size());
        for (CommandClause clause : clauses.get()) {
            Optional<Intent> intent = intents.toIntent(clause);
            if (intent.isEmpty()) {
                return Optional.empty();
            }
            out.add(intent.get());
        }
        return Optional.of(List.copyOf(out));
    }

    MotionConfig motion() {
        return motion;
    }
}
