package dev.voicebot.actuators.safety;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voicebot.actuators.bus.BusException;
import dev.voicebot.actuators.bus.BusOptions;
import dev.voicebot.actuators.bus.MqttBus;
import dev.voicebot.actuators.bus.OfflineBuffer;
import dev.voicebot.actuators.bus.Publication;
import dev.voicebot.actuators.bus.RobotTopics;
import dev.voicebot.actuators.command.CommandPublisher;
import dev.voicebot.actuators.wire.Envelope;
import dev.voicebot.actuators.wire.SafetyEvent;
import dev.voicebot.actuators.wire.WireJson;
import dev.voicebot.config.EstopConfig;
import dev.voicebot.config.MotionLimitsConfig;
import dev.voicebot.config.Secret;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The runtime's side of motion safety on a real broker: its own bus, command publisher and MotionSafety. */
final class SafetyRig implements AutoCloseable {
    private static final AtomicInteger IDS = new AtomicInteger();
    final MqttBus bus;
    final RobotTopics topics;
    final MotionSafety safety;
    final OfflineBuffer offline;
    final List<SafetyEvent> events = new CopyOnWriteArrayList<>();

    SafetyRig(String brokerUri, String robotId, MotionLimitsConfig limits, Pose2D start, EstopConfig estop, Clock clock) throws BusException {
        this.topics = new RobotTopics(robotId);
        this.bus = MqttBus.connect(BusOptions.of(brokerUri, "rig-" + robotId + "-" + IDS.incrementAndGet()));
        this.offline = new OfflineBuffer(bus, 100);
        CommandPublisher commands = new CommandPublisher(bus, topics, Duration.ofSeconds(5), ack -> { }).start();
        this.safety = new MotionSafety(bus, topics, commands, new MotionValidator(limits, start, Duration.ofSeconds(5), clock),
                estop, Optional.ofNullable(estop.resetToken()), offline, events::add, clock).start();
    }

    static String newRobotId() {
        return "t" + IDS.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
    }

    static EstopConfig noToken() {
        return new EstopConfig(null, false);
    }

    static EstopConfig token(String token) {
        return new EstopConfig(Secret.of(token), false);
    }

    /** Publishes a wire payload in an envelope from another client. */
    static void publish(MqttBus from, RobotTopics topics, dev.voicebot.actuators.bus.Topic topic, Object payload, boolean retained) throws Exception {
        ObjectMapper json = WireJson.newMapper();
        byte[] bytes = json.writeValueAsBytes(Envelope.of(topics.robotId(), payload));
        from.publish(retained ? Publication.retained(topic, bytes) : Publication.event(topic, bytes));
    }

    @Override
    public void close() {
        offline.close();
        bus.close();
    }
}
