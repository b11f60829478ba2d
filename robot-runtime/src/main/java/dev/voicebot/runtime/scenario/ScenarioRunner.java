package dev.voicebot.runtime.scenario;

import static dev.voicebot.config.Checks.ensureNotNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voicebot.actuators.intent.Intent;
import dev.voicebot.actuators.wire.RobotState;
import dev.voicebot.actuators.wire.WireJson;
import dev.voicebot.brain.BrainResult;
import dev.voicebot.config.Durations;
import dev.voicebot.config.RobotConfig;
import dev.voicebot.runtime.RobotRuntime;
import dev.voicebot.runtime.StartupException;
import dev.voicebot.runtime.events.EventSink;
import dev.voicebot.runtime.events.RuntimeEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one scenario against a fresh runtime (its own embedded broker and simulator) and says how each
 * step went. Every step runs even after one fails, so the table shows the whole story. Events are
 * recorded from the start, so {@code expectEvent} sees everything that happened before it.
 */
public final class ScenarioRunner {
    private static final Logger log = LoggerFactory.getLogger(ScenarioRunner.class);

    private final AudioPlayer audio;
    private final ObjectMapper json = WireJson.newMapper();

    public ScenarioRunner(AudioPlayer audio) {
        this.audio = ensureNotNull(audio, "audio");
    }

    public ScenarioResult run(Scenario scenario, RobotConfig config) throws InterruptedException {
        long start = System.nanoTime();
        List<JsonNode> seen = new CopyOnWriteArrayList<>();
        EventSink recorder = event -> {
            try {
                seen.add(json.readTree(json.writerFor(RuntimeEvent.class).writeValueAsString(event)));
            } catch (JsonProcessingException e) {
                log.warn("event not recorded: {}", event, e);
            }
        };
        List<StepResult> results = new ArrayList<>();
        try (RobotRuntime runtime = RobotRuntime.start(config, recorder)) {
            awaitFirstState(runtime, config.sim().enabled() ? Duration.ofSeconds(10) : Duration.ZERO);
            for (int i = 0; i < scenario.steps().size(); i++) {
                Step step = scenario.steps().get(i);
                long t0 = System.nanoTime();
                StepResult r;
                try {
                    Outcome o = runStep(step, runtime, recorder, seen);
                    r = new StepResult(i + 1, step.describe(), o.passed(), o.detail(), Duration.ofNanos(System.nanoTime() - t0));
                } catch (RuntimeException e) {
                    log.error("scenario '{}', step {} failed with an exception", scenario.name(), i + 1, e);
                    r = new StepResult(i + 1, step.describe(), false, "failed: " + e, Duration.ofNanos(System.nanoTime() - t0));
                }
                results.add(r);
            }
        } catch (StartupException e) {
            return new ScenarioResult(scenario, results, Optional.of("could not start: " + e.getMessage()), Duration.ofNanos(System.nanoTime() - start));
        }
        return new ScenarioResult(scenario, results, Optional.empty(), Duration.ofNanos(System.nanoTime() - start));
    }

    private record Outcome(boolean passed, String detail) {
        static Outcome pass(String detail) {
            return new Outcome(true, detail);
        }

        static Outcome fail(String detail) {
            return new Outcome(false, detail);
        }
    }

    private Outcome runStep(Step step, RobotRuntime runtime, EventSink events, List<JsonNode> seen) throws InterruptedException {
        if (step instanceof Step.Say say) {
            BrainResult r = runtime.handleText(say.text(), null, "scenario");
            String intents = r.intents().isEmpty() ? "no command" : r.intents().stream().map(ScenarioRunner::intentText).collect(Collectors.joining(", "));
            return Outcome.pass("[" + r.language() + "] " + r.path().wire() + ": " + intents);
        }
        if (step instanceof Step.Audio a) {
            int before = seen.size();
            AudioPlayer.Outcome o = audio.play(runtime, events, a.file());
            if (!o.passed()) {
                return Outcome.fail(o.detail());
            }
            List<JsonNode> snapshot = List.copyOf(seen); // events keep arriving: a live subList would break
            List<String> heard = snapshot.subList(before, snapshot.size()).stream().filter(e -> "transcript".equals(e.path("event").asText()))
                    .map(e -> "[" + e.path("language").asText() + "] \"" + e.path("text").asText() + "\"").toList();
            return heard.isEmpty() ? Outcome.fail("nothing was understood in " + a.written())
                    : Outcome.pass("heard " + String.join(", ", heard));
        }
        if (step instanceof Step.WaitIdle w) {
            long t0 = System.nanoTime();
            if (awaitIdle(runtime, seen, w.timeout())) {
                return Outcome.pass(String.format(Locale.ROOT, "idle after %.1f s", (System.nanoTime() - t0) / 1e9));
            }
            return Outcome.fail("not idle after " + Durations.format(w.timeout()) + ": " + runtime.lastState().map(ScenarioRunner::stateText).orElse("no state from the robot"));
        }
        if (step instanceof Step.Wait w) {
            Thread.sleep(w.duration().toMillis());
            return Outcome.pass("");
        }
        if (step instanceof Step.Expect e) {
            return expect(e, runtime.lastState());
        }
        if (step instanceof Step.ExpectEvent e) {
            return expectEvent(e, seen);
        }
        throw new IllegalStateException("unhandled step " + step);
    }

    /**
     * Idle as the runtime sees it (every command acknowledged, an idle state after the last
     * acknowledgement) and, more strictly, a state that has already taken in the newest command sent
     * (its {@code lastCommandId}) and is idle: a state published just before the command arrived can
     * reach the runtime after the acknowledgement, and must not count.
     */
    private static boolean awaitIdle(RobotRuntime runtime, List<JsonNode> seen, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String newest = null;
        for (JsonNode e : seen) {
            if ("command".equals(e.path("event").asText()) && !"stop".equals(e.path("intent").path("type").asText())) {
                newest = e.path("msgId").asText(null);
            }
        }
        while (true) {
            Optional<RobotState> s = runtime.lastState();
            String last = newest;
            boolean caughtUp = last == null || rejected(last, seen) || s.map(st -> newestOrLater(st, last, seen)).orElse(false);
            if (caughtUp && s.get().idle()) {
                long left = deadline - System.nanoTime();
                return left > 0 && runtime.awaitIdle(Duration.ofNanos(left));
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
    }

    /** A controller that refused a command never takes it in. */
    private static boolean rejected(String commandId, List<JsonNode> seen) {
        return seen.stream().anyMatch(e -> "ack".equals(e.path("event").asText()) && commandId.equals(e.path("commandId").asText())
                && "rejected".equals(e.path("status").asText()));
    }

    /** True when the state's last command is {@code newest} or a command sent after it. */
    private static boolean newestOrLater(RobotState s, String newest, List<JsonNode> seen) {
        if (newest.equals(s.lastCommandId())) {
            return true;
        }
        boolean after = false;
        for (JsonNode e : seen) {
            if ("command".equals(e.path("event").asText())) {
                String id = e.path("msgId").asText("");
                if (id.equals(newest)) {
                    after = true;
                } else if (after && id.equals(s.lastCommandId())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Outcome expect(Step.Expect e, Optional<RobotState> state) {
        if (state.isEmpty()) {
            return Outcome.fail("no state from the robot yet");
        }
        RobotState s = state.get();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Double> n : e.numbers().entrySet()) {
            double actual = switch (n.getKey()) {
                case "x" -> s.x();
                case "y" -> s.y();
                case "headingDeg" -> s.headingDeg();
                case "headPanDeg" -> s.headPanDeg();
                case "headTiltDeg" -> s.headTiltDeg();
                case "speedMps" -> s.speedMps();
                default -> throw new IllegalStateException("unknown number " + n.getKey());
            };
            boolean angle = Step.Expect.isAngle(n.getKey());
            double tol = angle ? e.toleranceDeg() : e.tolerance();
            double diff = n.getKey().equals("headingDeg") ? angleBetween(actual, n.getValue()) : Math.abs(actual - n.getValue());
            if (!(diff <= tol + 1e-9)) {
                wrong.add(String.format(Locale.ROOT, "%s = %.2f (expected %s ± %s)", n.getKey(), actual, Step.Expect.fmt(n.getValue()), Step.Expect.fmt(tol)));
            }
        }
        for (Map.Entry<String, Optional<String>> t : e.texts().entrySet()) {
            String actual = switch (t.getKey()) {
                case "activity" -> s.activity().wire();
                case "pose" -> s.pose();
                case "gesture" -> s.gesture();
                case "collision" -> s.collision();
                default -> throw new IllegalStateException("unknown text " + t.getKey());
            };
            if (!java.util.Objects.equals(actual, t.getValue().orElse(null))) {
                wrong.add(t.getKey() + " = " + (actual == null ? "none" : actual) + " (expected " + t.getValue().orElse("none") + ")");
            }
        }
        if (e.batteryBelow().isPresent() || e.batteryAbove().isPresent()) {
            if (s.batteryPercent() == null) {
                wrong.add("the robot reports no battery level");
            } else {
                double b = s.batteryPercent();
                e.batteryBelow().filter(limit -> !(b < limit)).ifPresent(limit -> wrong.add(String.format(Locale.ROOT, "battery = %.2f %% (expected below %s)", b, Step.Expect.fmt(limit))));
                e.batteryAbove().filter(limit -> !(b > limit)).ifPresent(limit -> wrong.add(String.format(Locale.ROOT, "battery = %.2f %% (expected above %s)", b, Step.Expect.fmt(limit))));
            }
        }
        return wrong.isEmpty() ? Outcome.pass(stateText(s)) : Outcome.fail(String.join("; ", wrong));
    }

    private static double angleBetween(double a, double b) {
        double d = Math.abs(a - b) % 360;
        return d > 180 ? 360 - d : d;
    }

    private static Outcome expectEvent(Step.ExpectEvent e, List<JsonNode> seen) throws InterruptedException {
        long deadline = System.nanoTime() + e.within().toNanos();
        while (true) {
            for (JsonNode event : seen) {
                if (matches(e, event)) {
                    return Outcome.pass(compact(event));
                }
            }
            if (System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(20);
        }
        List<String> sameKind = seen.stream().filter(n -> e.event().equals(n.path("event").asText())).map(ScenarioRunner::compact).toList();
        return Outcome.fail("no matching '" + e.event() + "' event within " + Durations.format(e.within())
                + (sameKind.isEmpty() ? "; none of that kind was seen" : "; seen: " + String.join(" | ", sameKind.subList(Math.max(0, sameKind.size() - 3), sameKind.size()))));
    }

    static boolean matches(Step.ExpectEvent e, JsonNode event) {
        if (!e.event().equals(event.path("event").asText())) {
            return false;
        }
        for (Map.Entry<String, JsonNode> f : e.fields().entrySet()) {
            String key = f.getKey();
            JsonNode want = f.getValue();
            if (key.endsWith("Contains") && key.length() > "Contains".length() && want.isValueNode()) {
                JsonNode actual = at(event, key.substring(0, key.length() - "Contains".length()));
                if (actual.isMissingNode() || actual.isNull() || !actual.asText().toLowerCase(Locale.ROOT).contains(want.asText().toLowerCase(Locale.ROOT))) {
                    return false;
                }
                continue;
            }
            JsonNode actual = at(event, key);
            if (want.isNull()) {
                if (!(actual.isMissingNode() || actual.isNull())) {
                    return false;
                }
            } else if (want.isNumber()) {
                if (!actual.isNumber() || Math.abs(actual.asDouble() - want.asDouble()) > 1e-9) {
                    return false;
                }
            } else if (!actual.isValueNode() || !actual.asText().equals(want.asText())) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode at(JsonNode event, String dotted) {
        return event.at("/" + dotted.replace("~", "~0").replace("/", "~1").replace('.', '/'));
    }

    private static String compact(JsonNode event) {
        String text = event.toString();
        return text.length() > 160 ? text.substring(0, 157) + "..." : text;
    }

    static String stateText(RobotState s) {
        return String.format(Locale.ROOT, "%s at (%.2f, %.2f) %.1f°%s", s.activity().wire(), s.x(), s.y(), s.headingDeg(),
                s.collision() == null ? "" : ", touching " + s.collision());
    }

    static String intentText(Intent i) {
        if (i instanceof dev.voicebot.actuators.intent.Move m) {
            return String.format(Locale.ROOT, "move %.2f m at %.2f m/s", m.distanceM(), m.speedMps());
        }
        if (i instanceof dev.voicebot.actuators.intent.Turn t) {
            return String.format(Locale.ROOT, "turn %.0f° at %.0f°/s", t.angleDeg(), t.rateDegPerS());
        }
        if (i instanceof dev.voicebot.actuators.intent.Gesture g) {
            return "gesture " + g.name().wire();
        }
        if (i instanceof dev.voicebot.actuators.intent.Look l) {
            return String.format(Locale.ROOT, "look pan %.0f° tilt %.0f°", l.panDeg(), l.tiltDeg());
        }
        if (i instanceof dev.voicebot.actuators.intent.Pose p) {
            return "pose " + p.pose().wire();
        }
        if (i instanceof dev.voicebot.actuators.intent.Speak sp) {
            return "speak [" + sp.language() + "] " + sp.text();
        }
        return i.kind();
    }

    /** A fresh simulator reports its retained state within moments; steps start once it has. */
    private static void awaitFirstState(RobotRuntime runtime, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (runtime.lastState().isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
