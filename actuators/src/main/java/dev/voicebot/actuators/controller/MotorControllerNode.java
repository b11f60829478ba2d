package dev.voicebot.actuators.controller;

import static dev.voicebot.config.Checks.ensureNotNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voicebot.actuators.bus.BusException;
import dev.voicebot.actuators.bus.BusMessage;
import dev.voicebot.actuators.bus.MqttBus;
import dev.voicebot.actuators.bus.Publication;
import dev.voicebot.actuators.bus.QoS;
import dev.voicebot.actuators.bus.RobotTopics;
import dev.voicebot.actuators.bus.Topic;
import dev.voicebot.actuators.bus.TopicFilter;
import dev.voicebot.actuators.intent.Intent;
import dev.voicebot.actuators.intent.Stop;
import dev.voicebot.actuators.safety.EstopLatch;
import dev.voicebot.actuators.wire.Ack;
import dev.voicebot.actuators.wire.Envelope;
import dev.voicebot.actuators.wire.ErrorReport;
import dev.voicebot.actuators.wire.Estop;
import dev.voicebot.actuators.wire.RobotState;
import dev.voicebot.actuators.wire.SafetyEvent;
import dev.voicebot.actuators.wire.Status;
import dev.voicebot.actuators.wire.WireJson;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT side of a motor controller process: subscribes to the command topic, decodes and checks
 * each command, acknowledges it (MQTT 5 response topic and correlation data), hands it to the
 * {@link MotorController}, and publishes the controller's state, retained, at a fixed rate.
 * A malformed command is reported on the errors topic and never reaches the controller.
 *
 * <p>It protects the robot by itself, whatever the runtime does ({@link ControllerOptions}): it applies
 * its own {@link HardLimits} again (acknowledged as clamped), refuses retained and stale commands
 * (envelope {@code ts} older than the maximum age), obeys the latched e-stop on {@code robot/{id}/estop}
 * (halts, refuses everything but stop until a reset), and halts when the runtime's heartbeat on
 * {@code robot/{id}/heartbeat} has been silent for the watchdog timeout. After a halt nothing resumes
 * by itself: the queue is gone, and only a new command moves the robot again.
 */
public final class MotorControllerNode implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MotorControllerNode.class);
    public static final String COMPONENT = "controller";

    private final MqttBus bus;
    private final RobotTopics topics;
    private final MotorController controller;
    private final ControllerOptions options;
    private final ObjectMapper json = WireJson.newMapper();
    private final ScheduledExecutorService publisher;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final EstopLatch estop;
    private final Object watchdogLock = new Object();
    private long lastHeartbeatNanos;
    private boolean heardHeartbeat;
    private boolean watchdogTripped;

    private MotorControllerNode(MqttBus bus, RobotTopics topics, MotorController controller, ControllerOptions options) {
        this.bus = bus;
        this.topics = topics;
        this.controller = controller;
        this.options = options;
        this.estop = new EstopLatch(options.estopResetToken(), options.estopResetToken().isEmpty());
        this.watchdogTripped = options.requireHeartbeat();
        this.publisher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "controller-state-" + topics.robotId());
            t.setDaemon(true);
            return t;
        });
    }

    /** As {@link #start(MqttBus, RobotTopics, MotorController, ControllerOptions)} with {@link ControllerOptions#defaults}. */
    public static MotorControllerNode start(MqttBus bus, RobotTopics topics, MotorController controller, int stateRateHz)
            throws BusException {
        return start(bus, topics, controller, ControllerOptions.defaults(stateRateHz));
    }

    /**
     * Subscribes to the e-stop (its retained state first), the heartbeat and the commands, and starts
     * publishing state and watching the heartbeat; the node owns {@code bus} and closes it.
     */
    public static MotorControllerNode start(MqttBus bus, RobotTopics topics, MotorController controller, ControllerOptions options)
            throws BusException {
        ensureNotNull(bus, "bus");
        MotorControllerNode node = new MotorControllerNode(bus, ensureNotNull(topics, "topics"), ensureNotNull(controller, "controller"),
                ensureNotNull(options, "options"));
        try {
            bus.subscribe(TopicFilter.of(topics.estop()), QoS.AT_LEAST_ONCE, node::onEstop);
            bus.subscribe(TopicFilter.of(topics.heartbeat()), QoS.AT_MOST_ONCE, node::onHeartbeat);
            bus.subscribe(TopicFilter.of(topics.command()), QoS.AT_LEAST_ONCE, node::onCommand);
            node.publishStatus(Status.State.ONLINE);
            node.publishState();
        } catch (BusException e) {
            node.close();
            throw e;
        }
        long periodMicros = 1_000_000L / options.stateRateHz();
        node.publisher.scheduleAtFixedRate(node::publishStateQuietly, periodMicros, periodMicros, TimeUnit.MICROSECONDS);
        long watchMillis = Math.max(10, Math.min(50, options.watchdogTimeout().toMillis() / 4));
        node.publisher.scheduleAtFixedRate(node::checkWatchdog, watchMillis, watchMillis, TimeUnit.MILLISECONDS);
        return node;
    }

    /** True while the latched e-stop holds this controller. */
    public boolean estopEngaged() {
        return estop.engaged();
    }

    /** True while the heartbeat is missing (the watchdog halted the robot, or none was heard yet when one is required). */
    public boolean watchdogTripped() {
        synchronized (watchdogLock) {
            return watchdogTripped;
        }
    }

    private void onHeartbeat(BusMessage message) {
        synchronized (watchdogLock) {
            lastHeartbeatNanos = System.nanoTime();
            heardHeartbeat = true;
            if (watchdogTripped) {
                watchdogTripped = false;
                log.info("controller '{}': heartbeat heard; the robot stays where it is until a new command", topics.robotId());
            }
        }
    }

    private void checkWatchdog() {
        if (closed.get()) {
            return;
        }
        boolean trip;
        long silentMs;
        synchronized (watchdogLock) {
            if (!heardHeartbeat || watchdogTripped) {
                return;
            }
            silentMs = (System.nanoTime() - lastHeartbeatNanos) / 1_000_000;
            trip = silentMs > options.watchdogTimeout().toMillis();
            if (trip) {
                watchdogTripped = true;
            }
        }
        if (trip) {
            controller.halt();
            String why = "watchdog: no heartbeat from the runtime for " + silentMs + " ms (limit "
                    + options.watchdogTimeout().toMillis() + " ms); halted, and staying stopped until a new command";
            log.warn("controller '{}': {}", topics.robotId(), why);
            publishStateQuietly();
            safetyEvent(SafetyEvent.Decision.WATCHDOG, null, why);
        }
    }

    private void onEstop(BusMessage message) {
        Estop signal;
        try {
            signal = json.readValue(message.payload(), new TypeReference<Envelope<Estop>>() { }).payload();
        } catch (java.io.IOException | IllegalArgumentException e) {
            signal = Estop.engage("unknown", "unreadable message on " + message.topic());
        }
        EstopLatch.Change change = estop.onSignal(signal);
        if (change instanceof EstopLatch.Change.Engaged) {
            controller.halt();
            log.warn("controller '{}': emergency stop engaged by {}", topics.robotId(), signal.source());
            publishStateQuietly();
        } else if (change instanceof EstopLatch.Change.Reset) {
            log.info("controller '{}': emergency stop reset by {}; waiting for a new command", topics.robotId(), signal.source());
        } else if (change instanceof EstopLatch.Change.ResetRefused r) {
            log.warn("controller '{}': {}", topics.robotId(), r.reason());
            report(message.topic(), r.reason());
        }
    }

    /** The last-will message a controller's bus should carry: offline, retained. */
    public static Publication lastWill(RobotTopics topics) {
        byte[] payload = WireJson.newMapper().valueToTree(Envelope.of(topics.robotId(), new Status(Status.State.OFFLINE, COMPONENT))).toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return Publication.retained(topics.status(COMPONENT), payload);
    }

    private final Object stateLock = new Object();

    private void onCommand(BusMessage message) {
        Envelope<Intent> envelope;
        try {
            JsonNode tree = json.readTree(message.payload());
            envelope = json.convertValue(tree, new TypeReference<Envelope<Intent>>() { });
        } catch (java.io.IOException | IllegalArgumentException e) {
            String why = "malformed command on " + message.topic() + ": " + rootMessage(e);
            log.warn(why);
            report(message.topic(), why);
            message.responseTopic().ifPresent(rt -> ack(rt, message.correlationData(), idOf(message), Ack.Status.REJECTED, why));
            return;
        }
        if (!envelope.robotId().equals(topics.robotId())) {
            String why = "command " + envelope.msgId() + " is for robot '" + envelope.robotId() + "', not '" + topics.robotId() + "'";
            report(message.topic(), why);
            message.responseTopic().ifPresent(rt -> ack(rt, message.correlationData(), envelope.msgId(), Ack.Status.REJECTED, why));
            return;
        }
        // The periodic state publisher takes the same lock, so a state snapshot taken before this command
        // can never be published after its acknowledgement (a consumer would read it as "idle after the ack").
        synchronized (stateLock) {
            apply(message, envelope);
        }
    }

    private void apply(BusMessage message, Envelope<Intent> envelope) {
        Intent intent = envelope.payload();
        if (intent instanceof Stop) {
            controller.halt();
            message.responseTopic().ifPresent(rt -> ack(rt, message.correlationData(), envelope.msgId(), Ack.Status.ACCEPTED, null));
            publishStateQuietly();
            return;
        }
        Optional<String> refusal = refusal(message, envelope);
        if (refusal.isPresent()) {
            log.warn("controller '{}': command {} refused: {}", topics.robotId(), envelope.msgId(), refusal.get());
            message.responseTopic().ifPresent(rt -> ack(rt, message.correlationData(), envelope.msgId(), Ack.Status.REJECTED, refusal.get()));
            return;
        }
        HardLimits.Applied applied = options.limits().apply(intent);
        controller.execute(envelope.msgId(), applied.intent());
        Ack.Status status = applied.clamped().isEmpty() ? Ack.Status.ACCEPTED : Ack.Status.CLAMPED;
        String reason = applied.clamped().isEmpty() ? null : String.join("; ", applied.clamped());
        message.responseTopic().ifPresent(rt -> ack(rt, message.correlationData(), envelope.msgId(), status, reason));
        publishStateQuietly();
    }

    /** Why a (non-stop) command must not run now, if it must not. */
    private Optional<String> refusal(BusMessage message, Envelope<Intent> envelope) {
        if (message.retained()) {
            return Optional.of("a retained command is never executed (commands are sent once, not kept)");
        }
        long ageMs = System.currentTimeMillis() - envelope.ts();
        if (ageMs > options.maxCommandAge().toMillis()) {
            return Optional.of("stale command: sent " + ageMs + " ms ago, more than the " + options.maxCommandAge().toMillis() + " ms allowed");
        }
        if (estop.engaged()) {
            return Optional.of("the emergency stop is engaged; only a reset frees the robot");
        }
        synchronized (watchdogLock) {
            if (watchdogTripped) {
                return Optional.of(heardHeartbeat ? "no heartbeat from the runtime (watchdog); waiting for it to come back"
                        : "no heartbeat from the runtime yet; motion waits for it");
            }
        }
        return Optional.empty();
    }

    private void safetyEvent(SafetyEvent.Decision decision, String code, String reason) {
        if (!bus.isConnected()) {
            return;
        }
        try {
            bus.publish(Publication.event(topics.safetyEvents(), json.writeValueAsBytes(Envelope.of(topics.robotId(),
                    new SafetyEvent(decision, code, java.util.List.of(reason), null, null, COMPONENT, null)))));
        } catch (BusException | JsonProcessingException e) {
            log.debug("safety event not published", e);
        }
    }

    private String idOf(BusMessage message) {
        try {
            JsonNode id = json.readTree(message.payload()).get("msgId");
            if (id != null && id.isTextual() && !id.asText().isBlank()) {
                return id.asText();
            }
        } catch (java.io.IOException e) {
            // not JSON at all: fall through
        }
        return "unknown";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        if (m != null) {
            int nl = m.indexOf('\n');
            m = nl > 0 ? m.substring(0, nl) : m;
        }
        return m == null ? t.getClass().getSimpleName() : m;
    }

    private void ack(String responseTopic, Optional<byte[]> correlation, String commandId, Ack.Status status, String reason) {
        try {
            Topic rt = new Topic(responseTopic);
            byte[] payload = json.writeValueAsBytes(Envelope.of(topics.robotId(), new Ack(commandId, status, reason)));
            bus.publish(new Publication(rt, payload, QoS.AT_LEAST_ONCE, false, Optional.empty(), Optional.empty(), correlation));
        } catch (BusException | JsonProcessingException | IllegalArgumentException e) {
            log.warn("could not acknowledge command {} on {}", commandId, responseTopic, e);
        }
    }

    private void report(String topic, String message) {
        try {
            bus.publish(Publication.event(topics.errors(),
                    json.writeValueAsBytes(Envelope.of(topics.robotId(), new ErrorReport(COMPONENT, topic, message)))));
        } catch (BusException | JsonProcessingException e) {
            log.warn("could not publish an error report", e);
        }
    }

    private void publishStatus(Status.State state) throws BusException {
        try {
            bus.publish(Publication.retained(topics.status(COMPONENT), json.writeValueAsBytes(Envelope.of(topics.robotId(), new Status(state, COMPONENT)))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("status not serialisable", e);
        }
    }

    private void publishState() throws BusException {
        synchronized (stateLock) {
            RobotState state = controller.state();
            try {
                bus.publish(Publication.retained(topics.state(), json.writeValueAsBytes(Envelope.of(topics.robotId(), state))));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("state not serialisable", e);
            }
        }
    }

    private void publishStateQuietly() {
        if (closed.get() || !bus.isConnected()) {
            return;
        }
        try {
            publishState();
        } catch (BusException | RuntimeException e) {
            log.debug("state not published", e);
        }
    }

    /** Safe stop: halts the controller first, then says offline and closes the connection. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        controller.halt();
        publisher.shutdownNow();
        try {
            publisher.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (bus.isConnected()) {
            try {
                publishState();
                publishStatus(Status.State.OFFLINE);
            } catch (BusException | RuntimeException e) {
                log.debug("final state/status not published", e);
            }
        }
        bus.close();
    }

    static Duration periodOf(int hz) {
        return Duration.ofNanos(1_000_000_000L / hz);
    }
}
