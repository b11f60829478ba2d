package dev.voicebot.runtime.cli;

import dev.voicebot.actuators.intent.Intent;
import dev.voicebot.actuators.safety.MotionValidator;
import dev.voicebot.actuators.safety.Pose2D;
import dev.voicebot.actuators.vocabulary.CommandVocabulary;
import dev.voicebot.brain.BrainResult;
import dev.voicebot.brain.Languages;
import dev.voicebot.brain.RoutePath;
import dev.voicebot.brain.Router;
import dev.voicebot.brain.TurnContext;
import dev.voicebot.brain.fastpath.FastPathGrammar;
import dev.voicebot.brain.llm.LlamaResponder;
import dev.voicebot.brain.llm.LlmAvailability;
import dev.voicebot.brain.safety.SafetyFilter;
import dev.voicebot.brain.safety.Verdict;
import dev.voicebot.brain.style.ReplyStyle;
import dev.voicebot.config.BrainConfig;
import dev.voicebot.config.RobotConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code robot chat [--model PATH]}: a text conversation with the brain, for trying a model, a persona
 * and a style. Each line goes through the input safety check, the router (fast path, then the LLM) and,
 * for each intent, the motion validator; the output shows the reply as it streams and every decision
 * on the way. Nothing is published and nothing moves.
 */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = "Talk with the robot in text: see its replies, intents and the safety and validation decisions. Moves nothing.")
public final class ChatCommand implements Callable<Integer> {
    static final String SOURCE = "chat";

    @ParentCommand
    RobotCommand root;

    @Option(names = "--model", paramLabel = "PATH", description = "GGUF model for what the fast path does not cover; overrides brain.model.")
    Path model;

    @Option(names = "--persona", paramLabel = "TEXT", description = "Persona opening the system prompt; overrides brain.persona.")
    String persona;

    @Option(names = "--style", paramLabel = "TEXT",
            description = "A response-style fragment for the system prompt; default: the one the style: configuration gives.")
    String style;

    @Option(names = "--session", paramLabel = "ID", defaultValue = SOURCE, description = "Conversation id (memory is per id); default: ${DEFAULT-VALUE}.")
    String session;

    @Override
    public Integer call() throws IOException {
        RobotConfig config = root.loadConfig();
        BrainConfig brain = config.brain();
        if (model != null) {
            brain = brain.withModel(model);
        }
        if (persona != null) {
            brain = brain.withPersona(persona);
        }
        String styleFragment = style != null ? style : ReplyStyle.from(config.style()).systemPromptFragment();
        PrintStream out = root.context.out();
        LlmAvailability llm = LlamaResponder.load(brain);
        out.println("llm: " + llm.describe());
        try {
            Router router = new Router(new FastPathGrammar(config.motion()), llm.responder());
            Optional<SafetyFilter> safety = config.safety().enabled() ? Optional.of(SafetyFilter.withDefaultRules(config.safety())) : Optional.empty();
            MotionValidator validator = new MotionValidator(config.motion().limits(),
                    new Pose2D(config.sim().start().x(), config.sim().start().y(), config.sim().start().headingDeg()),
                    config.mqtt().commandExpiry(), Clock.systemUTC());
            out.println("type a line; /forget clears the conversation, /quit or end of input ends");
            BufferedReader in = new BufferedReader(new InputStreamReader(root.context.in(), StandardCharsets.UTF_8));
            while (true) {
                out.print("you> ");
                out.flush();
                String line = in.readLine();
                if (line == null || line.strip().equals("/quit")) {
                    out.println();
                    break;
                }
                if (line.isBlank()) {
                    continue;
                }
                if (line.strip().equals("/forget")) {
                    if (llm instanceof LlmAvailability.Loaded loaded) {
                        loaded.llm().forget(session);
                    }
                    out.println("  (conversation forgotten)");
                    continue;
                }
                turn(line.strip(), styleFragment, router, safety, validator, out);
            }
        } finally {
            if (llm instanceof LlmAvailability.Loaded loaded) {
                loaded.llm().close();
            }
        }
        return Cli.OK;
    }

    private void turn(String line, String styleFragment, Router router, Optional<SafetyFilter> safety, MotionValidator validator,
                      PrintStream out) {
        String language = Languages.guess(line);
        if (safety.isPresent()) {
            Verdict input = safety.get().checkInput(line, language);
            if (!input.allowed()) {
                out.println("  safety(input): " + describe(input) + "; the LLM is not asked");
                input.replacement().ifPresent(r -> out.println("robot> " + r));
                return;
            }
        }
        TurnContext context = TurnContext.defaults().withSession(session).withStyle(styleFragment)
                .withSentenceListener(sentence -> say(sentence, language, safety, out));
        BrainResult r = router.route(line, language, context);
        if (r.path() != RoutePath.LLM) {
            r.replyText().ifPresent(reply -> say(reply, language, safety, out));
        }
        out.println("  path: " + r.path().wire() + timings(r));
        for (Intent intent : r.intents()) {
            out.println("  intent: " + CommandVocabulary.toJson(intent) + " -> " + describe(validator.check(intent, SOURCE)));
        }
        r.notes().forEach(n -> out.println("  " + n));
        out.flush();
    }

    /** Prints one sentence as the robot would say it: after the output safety check. */
    private static void say(String sentence, String language, Optional<SafetyFilter> safety, PrintStream out) {
        if (safety.isPresent()) {
            Verdict v = safety.get().checkOutputSentence(sentence, language);
            if (!v.allowed()) {
                out.println("  safety(output): " + describe(v) + " on \"" + sentence + "\"");
                v.replacement().ifPresent(r -> out.println("robot> " + r));
                out.flush();
                return;
            }
        }
        out.println("robot> " + sentence);
        out.flush();
    }

    private static String timings(BrainResult r) {
        String total = ", total " + millis(r.elapsed());
        return r.firstTokenTime().map(f -> ", first token " + millis(f) + total).orElse(total);
    }

    private static String millis(Duration d) {
        return d.toMillis() + " ms";
    }

    private static String describe(Verdict v) {
        String categories = v.categories().stream().map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        return v.wire() + (categories.isEmpty() ? "" : " [" + categories + "]") + String.format(Locale.ROOT, " score %.2f", v.score());
    }

    private static String describe(dev.voicebot.actuators.safety.Verdict v) {
        if (v instanceof dev.voicebot.actuators.safety.Verdict.Clamped c) {
            return "clamped to " + CommandVocabulary.toJson(c.adjusted()) + ": " + String.join("; ", c.reasons());
        }
        if (v instanceof dev.voicebot.actuators.safety.Verdict.Rejected x) {
            return "rejected (" + x.code() + "): " + x.reason();
        }
        if (v instanceof dev.voicebot.actuators.safety.Verdict.NeedsConfirmation n) {
            return "needs confirmation: " + String.join("; ", n.pending().reasons());
        }
        return "accepted";
    }
}
