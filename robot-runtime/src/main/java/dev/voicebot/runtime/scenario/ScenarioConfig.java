package dev.voicebot.runtime.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.voicebot.config.ConfigException;
import dev.voicebot.config.ConfigLoader;
import dev.voicebot.config.RobotConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The configuration a scenario runs with: the usual one (defaults, {@code --config FILE}, {@code ROBOT_...}
 * variables), the scenario's own {@code config:} laid over it, and then what makes every run the same:
 * a fresh embedded broker on a free port, the simulator starting where the scenario says, and no web view.
 */
public final class ScenarioConfig {
    /** Environment variables that would undo what a scenario run needs; they are ignored here. */
    private static final String[] IGNORED_ENV = {"ROBOT_MQTT_URL", "ROBOT_MQTT_EMBEDDED_", "ROBOT_SIM_ENABLED", "ROBOT_SIM_START_", "ROBOT_WEB_"};

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    /** Checks and builds the configuration of {@code scenario}; a bad {@code config:} names the key. */
    public RobotConfig build(Scenario scenario, Optional<Path> configFile, Map<String, String> environment) throws ScenarioFormatException {
        ObjectNode tree = yaml.createObjectNode();
        try {
            if (configFile.isPresent()) {
                JsonNode user = yaml.readTree(Files.readAllBytes(configFile.get()));
                if (user != null && user.isObject()) {
                    merge(tree, user);
                }
            }
        } catch (IOException e) {
            throw new ScenarioFormatException(scenario.file(), "config", "cannot read the configuration file " + configFile.get() + ": " + e, e);
        }
        scenario.config().ifPresent(overlay -> merge(tree, overlay));
        ObjectNode forced = yaml.createObjectNode();
        ObjectNode mqtt = forced.putObject("mqtt");
        mqtt.putNull("url");
        mqtt.putObject("embedded").put("host", "127.0.0.1").put("port", 0);
        ObjectNode sim = forced.putObject("sim");
        sim.put("enabled", true);
        scenario.robot().ifPresent(start -> sim.putObject("start").put("x", start.x()).put("y", start.y()).put("headingDeg", start.headingDeg()));
        forced.putObject("web").put("enabled", false);
        merge(tree, forced);
        Map<String, String> env = new TreeMap<>(environment);
        env.keySet().removeIf(k -> {
            for (String prefix : IGNORED_ENV) {
                if (k.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        });
        Path file = null;
        try {
            file = Files.createTempFile("robot-scenario", ".yaml");
            Files.writeString(file, yaml.writeValueAsString(tree), StandardCharsets.UTF_8);
            return new ConfigLoader().load(Optional.of(file), env);
        } catch (ConfigException e) {
            throw new ScenarioFormatException(scenario.file(), "config", e.getMessage(), e);
        } catch (IOException e) {
            throw new ScenarioFormatException(scenario.file(), "config", "cannot prepare the configuration: " + e, e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    org.slf4j.LoggerFactory.getLogger(ScenarioConfig.class).debug("temporary file {} not deleted", file, e);
                }
            }
        }
    }

    /** Mappings merge key by key; anything else replaces. */
    static void merge(ObjectNode target, JsonNode overlay) {
        for (Iterator<Map.Entry<String, JsonNode>> it = overlay.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode existing = target.get(f.getKey());
            if (existing != null && existing.isObject() && f.getValue().isObject()) {
                merge((ObjectNode) existing, f.getValue());
            } else {
                target.set(f.getKey(), f.getValue().deepCopy());
            }
        }
    }
}
