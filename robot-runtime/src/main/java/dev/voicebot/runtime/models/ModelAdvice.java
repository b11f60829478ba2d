package dev.voicebot.runtime.models;

import dev.voicebot.config.RobotConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code robot run} says at start about models that are not configured or not there: what works
 * without them and the exact command that fetches one. The runtime then goes on with what works.
 */
public final class ModelAdvice {
    private ModelAdvice() {
    }

    /** One line per missing model; empty when every configured model file exists. */
    public static List<String> forConfig(RobotConfig config, ModelCatalogue catalogue) {
        List<String> lines = new ArrayList<>();
        advise(lines, config.speech().model(), ModelKind.WHISPER, catalogue,
                "speech recognition is off: typed input and fast-path commands work");
        advise(lines, config.brain().model(), ModelKind.LLM, catalogue,
                "the LLM is off: fast-path commands work, free conversation does not");
        return lines;
    }

    private static void advise(List<String> lines, Path configured, ModelKind kind, ModelCatalogue catalogue, String without) {
        String fetch = catalogue.suggestion(kind)
                .map(e -> "fetch one with: robot models pull " + e.name() + " (then set " + kind.configKey() + " to the path it prints, or "
                        + kind.environmentVariable() + "=$(robot models path " + e.name() + "))")
                .orElse("set " + kind.configKey() + " to a model file");
        if (configured == null) {
            lines.add("no " + kind.configKey() + " configured; " + without + ". To enable it, " + fetch);
        } else if (!Files.isRegularFile(configured)) {
            lines.add(kind.configKey() + " " + configured + " does not exist; " + without + ". " + Character.toUpperCase(fetch.charAt(0)) + fetch.substring(1));
        }
    }
}
