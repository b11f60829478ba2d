package dev.voicebot.runtime.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.voicebot.config.Durations;
import dev.voicebot.config.SimConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a scenario file. Everything is checked before anything runs: an unknown key, a value of the
 * wrong kind or a missing audio file is a {@link ScenarioFormatException} naming the step and the key.
 *
 * <pre>
 * name: forward, turn, stop
 * robot: {x: 0, y: 0, headingDeg: 0}          # optional start
 * config: {sim: {obstacles: [...]}}            # optional, laid over the configuration
 * steps:
 *   - say: "move forward one meter"
 *   - audio: clips/turn-left.wav               # relative to this file
 *   - waitIdle: 10s
 *   - expect: {x: 1.0, y: 0.0, tolerance: 0.1}
 *   - expect: {headingDeg: 90, toleranceDeg: 5}
 *   - expectEvent: {event: safety, decision: rejected}
 *   - wait: 500ms
 * </pre>
 */
public final class ScenarioFile {
    static final Set<String> TOP_KEYS = Set.of("name", "description", "robot", "config", "steps");
    static final Set<String> STEPS = Set.of("say", "audio", "waitIdle", "wait", "expect", "expectEvent");
    static final Set<String> EXPECT_NUMBERS = Set.of("x", "y", "headingDeg", "headPanDeg", "headTiltDeg", "speedMps");
    static final Set<String> EXPECT_TEXTS = Set.of("activity", "pose", "gesture", "collision");
    static final Set<String> EXPECT_OTHER = Set.of("tolerance", "toleranceDeg", "batteryBelow", "batteryAbove");
    static final double DEFAULT_TOLERANCE_M = 0.05;
    static final double DEFAULT_TOLERANCE_DEG = 2.0;
    static final Duration DEFAULT_WITHIN = Duration.ofSeconds(2);
    static final Duration MAX_WAIT = Duration.ofMinutes(10);

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));

    public Scenario read(Path file) throws ScenarioFormatException {
        JsonNode root;
        try {
            root = yaml.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ScenarioFormatException(file, "file", "does not exist", e);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "YAML" : "line " + e.getLocation().getLineNr();
            throw new ScenarioFormatException(file, where, "not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ScenarioFormatException(file, "file", "cannot be read: " + e, e);
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioFormatException(file, "file", "must be a YAML mapping with name and steps");
        }
        unknownKeys(file, "scenario", root, TOP_KEYS);
        String name = text(file, "name", root.get("name"));
        Optional<SimConfig.StartPose> robot = Optional.empty();
        if (root.hasNonNull("robot")) {
            robot = Optional.of(startPose(file, root.get("robot")));
        }
        Optional<ObjectNode> config = Optional.empty();
        if (root.hasNonNull("config")) {
            if (!root.get("config").isObject()) {
                throw new ScenarioFormatException(file, "config", "must be a mapping laid over the configuration, e.g. {sim: {obstacles: [...]}}");
            }
            config = Optional.of((ObjectNode) root.get("config"));
        }
        JsonNode steps = root.get("steps");
        if (steps == null || !steps.isArray() || steps.isEmpty()) {
            throw new ScenarioFormatException(file, "steps", "must be a non-empty list of steps (" + String.join(", ", sorted(STEPS)) + ")");
        }
        List<Step> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            out.add(step(file, i + 1, steps.get(i)));
        }
        return new Scenario(name, file, robot, config, out);
    }

    private Step step(Path file, int n, JsonNode node) throws ScenarioFormatException {
        if (node == null || !node.isObject() || node.size() != 1) {
            throw new ScenarioFormatException(file, "step " + n, "must be a mapping with exactly one of " + String.join(", ", sorted(STEPS))
                    + ", e.g. - say: \"move forward one meter\"");
        }
        String kind = node.fieldNames().next();
        JsonNode value = node.get(kind);
        String where = "step " + n + " (" + kind + ")";
        return switch (kind) {
            case "say" -> new Step.Say(text(file, where, value));
            case "audio" -> audio(file, where, value);
            case "waitIdle" -> new Step.WaitIdle(duration(file, where, value));
            case "wait" -> new Step.Wait(duration(file, where, value));
            case "expect" -> expect(file, where, value);
            case "expectEvent" -> expectEvent(file, where, value);
            default -> throw new ScenarioFormatException(file, "step " + n, "unknown step '" + kind + "'; steps are "
                    + String.join(", ", sorted(STEPS)));
        };
    }

    private Step audio(Path file, String where, JsonNode value) throws ScenarioFormatException {
        String written = text(file, where, value);
        Path base = file.toAbsolutePath().getParent();
        Path wav = base.resolve(written).normalize();
        if (!Files.isRegularFile(wav)) {
            throw new ScenarioFormatException(file, where, "audio file '" + written + "' not found (looked at " + wav + ")");
        }
        return new Step.Audio(wav, written);
    }

    private Step expect(Path file, String where, JsonNode value) throws ScenarioFormatException {
        if (value == null || !value.isObject() || value.isEmpty()) {
            throw new ScenarioFormatException(file, where, "must be a mapping such as {x: 1.0, y: 0.0, tolerance: 0.1}");
        }
        Set<String> allowed = new java.util.HashSet<>(EXPECT_NUMBERS);
        allowed.addAll(EXPECT_TEXTS);
        allowed.addAll(EXPECT_OTHER);
        unknownKeys(file, where, value, allowed);
        Map<String, Double> numbers = new LinkedHashMap<>();
        for (String key : EXPECT_NUMBERS) {
            if (value.has(key)) {
                numbers.put(key, number(file, where + "." + key, value.get(key)));
            }
        }
        Map<String, Optional<String>> texts = new LinkedHashMap<>();
        for (String key : EXPECT_TEXTS) {
            if (value.has(key)) {
                JsonNode v = value.get(key);
                if (v.isNull() || v.isTextual() && v.asText().equals("none")) {
                    texts.put(key, Optional.empty());
                } else if (v.isTextual() && !v.asText().isBlank()) {
                    texts.put(key, Optional.of(v.asText()));
                } else {
                    throw new ScenarioFormatException(file, where + "." + key, "must be a text (or none), not " + v);
                }
            }
        }
        double tolerance = value.has("tolerance") ? positive(file, where + ".tolerance", value.get("tolerance")) : DEFAULT_TOLERANCE_M;
        double toleranceDeg = value.has("toleranceDeg") ? positive(file, where + ".toleranceDeg", value.get("toleranceDeg")) : DEFAULT_TOLERANCE_DEG;
        Optional<Double> below = value.has("batteryBelow") ? Optional.of(number(file, where + ".batteryBelow", value.get("batteryBelow"))) : Optional.empty();
        Optional<Double> above = value.has("batteryAbove") ? Optional.of(number(file, where + ".batteryAbove", value.get("batteryAbove"))) : Optional.empty();
        if (numbers.isEmpty() && texts.isEmpty() && below.isEmpty() && above.isEmpty()) {
            throw new ScenarioFormatException(file, where, "expects nothing: name at least one of " + String.join(", ", sorted(EXPECT_NUMBERS))
                    + ", " + String.join(", ", sorted(EXPECT_TEXTS)) + ", batteryBelow, batteryAbove");
        }
        return new Step.Expect(numbers, tolerance, toleranceDeg, texts, below, above);
    }

    private Step expectEvent(Path file, String where, JsonNode value) throws ScenarioFormatException {
        if (value == null || !value.isObject()) {
            throw new ScenarioFormatException(file, where, "must be a mapping such as {event: safety, decision: rejected}");
        }
        String event = text(file, where + ".event", value.get("event"));
        Duration within = value.has("within") ? duration(file, where + ".within", value.get("within")) : DEFAULT_WITHIN;
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getKey().equals("event") || f.getKey().equals("within")) {
                continue;
            }
            if (f.getValue().isContainerNode()) {
                throw new ScenarioFormatException(file, where + "." + f.getKey(), "must be a single value (reach into nested fields with a dotted key such as intents.0.type)");
            }
            fields.put(f.getKey(), f.getValue());
        }
        return new Step.ExpectEvent(event, fields, within);
    }

    private static SimConfig.StartPose startPose(Path file, JsonNode node) throws ScenarioFormatException {
        if (!node.isObject()) {
            throw new ScenarioFormatException(file, "robot", "must be a mapping such as {x: 0, y: 0, headingDeg: 0}");
        }
        unknownKeys(file, "robot", node, Set.of("x", "y", "headingDeg"));
        double x = node.has("x") ? number(file, "robot.x", node.get("x")) : 0;
        double y = node.has("y") ? number(file, "robot.y", node.get("y")) : 0;
        double h = node.has("headingDeg") ? number(file, "robot.headingDeg", node.get("headingDeg")) : 0;
        try {
            return new SimConfig.StartPose(x, y, h);
        } catch (IllegalArgumentException e) {
            throw new ScenarioFormatException(file, "robot", e.getMessage(), e);
        }
    }

    private static void unknownKeys(Path file, String where, JsonNode node, Set<String> allowed) throws ScenarioFormatException {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!allowed.contains(key)) {
                throw new ScenarioFormatException(file, where, "unknown key '" + key + "'; allowed: " + String.join(", ", sorted(allowed)));
            }
        }
    }

    private static String text(Path file, String where, JsonNode node) throws ScenarioFormatException {
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new ScenarioFormatException(file, where, "must be a non-empty text" + (node == null ? " (it is missing)" : ", not " + node));
        }
        return node.asText();
    }

    private static double number(Path file, String where, JsonNode node) throws ScenarioFormatException {
        if (node == null || !node.isNumber() || !Double.isFinite(node.asDouble())) {
            throw new ScenarioFormatException(file, where, "must be a number, not " + node);
        }
        return node.asDouble();
    }

    private static double positive(Path file, String where, JsonNode node) throws ScenarioFormatException {
        double v = number(file, where, node);
        if (v <= 0) {
            throw new ScenarioFormatException(file, where, "must be greater than 0, not " + v);
        }
        return v;
    }

    private static Duration duration(Path file, String where, JsonNode node) throws ScenarioFormatException {
        Duration d;
        if (node != null && node.isNumber()) {
            d = Duration.ofNanos(Math.round(node.asDouble() * 1e9));
        } else if (node != null && node.isTextual()) {
            try {
                d = Durations.parse(node.asText());
            } catch (IllegalArgumentException e) {
                throw new ScenarioFormatException(file, where, e.getMessage(), e);
            }
        } else {
            throw new ScenarioFormatException(file, where, "must be a duration such as 500ms or 10s, not " + node);
        }
        if (d.isNegative() || d.isZero() || d.compareTo(MAX_WAIT) > 0) {
            throw new ScenarioFormatException(file, where, "must be more than 0 and at most " + Durations.format(MAX_WAIT) + ", not " + Durations.format(d));
        }
        return d;
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
