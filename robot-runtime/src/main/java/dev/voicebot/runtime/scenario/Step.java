package dev.voicebot.runtime.scenario;

import static dev.voicebot.config.Checks.ensureNotBlank;
import static dev.voicebot.config.Checks.ensureNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voicebot.config.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** One step of a scenario, as written in its YAML file. */
public sealed interface Step {
    /** A short description for the result table. */
    String describe();

    /** A typed utterance, handled as if a person had typed it. */
    record Say(String text) implements Step {
        public Say {
            ensureNotBlank(text, "say");
        }

        @Override
        public String describe() {
            return "say \"" + text + "\"";
        }
    }

    /** A WAV file through the speech pipeline ({@code file} resolved against the scenario's folder). */
    record Audio(Path file, String written) implements Step {
        public Audio {
            ensureNotNull(file, "audio");
        }

        @Override
        public String describe() {
            return "audio " + written;
        }
    }

    /** Until the robot is idle (every command acknowledged and done), failing after {@code timeout}. */
    record WaitIdle(Duration timeout) implements Step {
        @Override
        public String describe() {
            return "waitIdle " + Durations.format(timeout);
        }
    }

    /** Just time passing. */
    record Wait(Duration duration) implements Step {
        @Override
        public String describe() {
            return "wait " + Durations.format(duration);
        }
    }

    /**
     * The robot's latest state: numbers within a tolerance ({@code tolerance} metres for positions and
     * speed, {@code toleranceDeg} for angles, compared around the circle), texts exactly ({@code none}
     * for absent), battery bounds.
     */
    record Expect(Map<String, Double> numbers, double tolerance, double toleranceDeg, Map<String, Optional<String>> texts,
                  Optional<Double> batteryBelow, Optional<Double> batteryAbove) implements Step {
        public Expect {
            numbers = Map.copyOf(numbers);
            texts = Map.copyOf(texts);
        }

        static boolean isAngle(String key) {
            return key.endsWith("Deg");
        }

        @Override
        public String describe() {
            Map<String, String> parts = new LinkedHashMap<>();
            numbers.forEach((k, v) -> parts.put(k, fmt(v) + " ±" + fmt(isAngle(k) ? toleranceDeg : tolerance)));
            texts.forEach((k, v) -> parts.put(k, v.orElse("none")));
            batteryBelow.ifPresent(v -> parts.put("battery", "< " + fmt(v)));
            batteryAbove.ifPresent(v -> parts.put("battery", "> " + fmt(v)));
            return "expect " + parts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        }

        static String fmt(double v) {
            return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
        }
    }

    /**
     * An event seen since the scenario began (waiting up to {@code within} for it) whose fields have
     * these values; {@code path.to.field} reaches into nested objects and lists, and a key ending in
     * {@code Contains} matches part of a text.
     */
    record ExpectEvent(String event, Map<String, JsonNode> fields, Duration within) implements Step {
        public ExpectEvent {
            ensureNotBlank(event, "event");
            fields = Map.copyOf(fields);
        }

        @Override
        public String describe() {
            return "expectEvent " + event + (fields.isEmpty() ? "" : " " + fields.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + "=" + (e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()))
                    .collect(Collectors.joining(" ")));
        }
    }
}
