package dev.voicebot.runtime.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voicebot.actuators.wire.WireJson;
import dev.voicebot.brain.BrainResult;
import dev.voicebot.brain.Router;
import dev.voicebot.brain.fastpath.FastPathGrammar;
import dev.voicebot.brain.llm.LlamaResponder;
import dev.voicebot.brain.llm.LlmAvailability;
import dev.voicebot.config.BrainConfig;
import dev.voicebot.config.RobotConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code robot parse [--model PATH]}: one utterance per line on stdin, one JSON object per line on stdout:
 * {@code {"text", "language", "path", "intents"}}. With a model ({@code --model} or {@code brain.model}),
 * lines the fast path does not cover go through the LLM ({@code "path": "llm"}). Starts no broker and moves nothing.
 */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "Read utterances (one per line) on stdin and print their intents as JSON lines.")
public final class ParseCommand implements Callable<Integer> {
    @ParentCommand
    RobotCommand root;

    @Option(names = "--model", paramLabel = "PATH", description = "GGUF model for lines the fast path does not cover; overrides brain.model.")
    Path model;

    @Override
    public Integer call() throws IOException {
        RobotConfig config = root.loadConfig();
        BrainConfig brain = model == null ? config.brain() : config.brain().withModel(model);
        LlmAvailability llm = LlamaResponder.load(brain);
        if (llm instanceof LlmAvailability.Unavailable u) {
            root.context.err().println("robot: " + u.reason().getMessage());
            return Cli.USAGE;
        }
        try {
            return parse(config, llm);
        } finally {
            if (llm instanceof LlmAvailability.Loaded loaded) {
                loaded.llm().close();
            }
        }
    }

    private Integer parse(RobotConfig config, LlmAvailability llm) throws IOException {
        Router router = new Router(new FastPathGrammar(config.motion()), llm.responder());
        ObjectMapper json = WireJson.newMapper();
        PrintStream out = root.context.out();
        BufferedReader in = new BufferedReader(new InputStreamReader(root.context.in(), StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            BrainResult r = router.route(line);
            ObjectNode o = json.createObjectNode();
            o.put("text", r.text());
            o.put("language", r.language());
            o.put("path", r.path().wire());
            o.set("intents", json.valueToTree(r.intents().toArray(new dev.voicebot.actuators.intent.Intent[0])));
            out.println(json.writeValueAsString(o));
            out.flush();
        }
        return Cli.OK;
    }
}
