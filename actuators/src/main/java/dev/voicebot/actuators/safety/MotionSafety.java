package dev.voicebot.actuators.safety;

import static dev.voicebot.config.Checks.ensureNotNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voicebot.actuators.bus.BusException;
import dev.voicebot.actuators.bus.BusMessage;
import dev.voicebot.actuators.bus.MqttBus;
import dev.voicebot.actuators.bus.OfflineBuffer;
import dev.voicebot.actuators.bus.Publication;
import dev.voicebot.actuators.bus.QoS;
import dev.voicebot.actuators.bus.RobotTopics;
import dev.voicebot.actuators.bus.TopicFilter;
import dev.voicebot.actuators.command.CommandPublisher;
import dev.voicebot.actuators.intent.Intent;
import dev.voicebot.actuators.intent.Stop;
import dev.voicebot.actuators.wire.Envelope;
import dev.voicebot.actuators.wire.Estop;
import dev.voicebot.actuators.wire.RobotState;
import dev.voicebot.actuators.wire.SafetyEvent;
import dev.voicebot.actuators.wire.SafetyEvent.Decision;
import dev.voicebot.actuators.wire.WireJson;
import dev.voicebot.config.EstopConfig;
import dev.voicebot.config.Secret;
import java.text.Normalizer;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's single way to move the robot: every intent, whatever produced it, goes through
 * {@link #submit}, which checks the e-stop latch, the {@link MotionValidator} and the connection
 * before the {@link CommandPublisher} publishes anything. Every refusal, clamp, confirmation request
 * and e-stop change becomes a {@link SafetyEvent}, handed to the listener and published on
 * {@code robot/{id}/safety/events} (kept in the offline buffer while disconnected).
 *
 * <p>The e-stop: {@code robot/{id}/estop} is watched (retained, so a latched stop survives restarts);
 * resets from the bus need {@code motion.estop.resetToken}; {@link #resetEstop} is the process's own
 * reset (command line). After a reset nothing resumes by itself: the controller dropped its queue.
 */
public final class MotionSafety {
    private static final Logger log = LoggerFactory.getLogger(MotionSafety.class);
    private static final List<String> ESTOP_RESET_PHRASES = List.of("reset emergency stop", "release emergency stop",
            "reset the emergency stop", "reset e-stop", "reset estop", "비상 정지 해제", "비상정지 해제");
    private static final List<String> ESTOP_PHRASES = List.of("emergency stop", "e-stop", "estop", "비상 정지", "비상정지");

    private final MqttBus bus;
    private final RobotTopics topics;
    private final CommandPublisher commands;
    private final MotionValidator validator;
    private final EstopConfig estopConfig;
    private final EstopLatch latch;
    private final Optional<Secret> controllerToken;
    private final OfflineBuffer events;
    private final Consumer<SafetyEvent> listener;
    private final Clock clock;
    private final ObjectMapper json = WireJson.newMapper();
    private PendingConfirmation pending;

    /**
     * @param controllerToken the reset token the robot's controllers check (the configured one, or one made
     *                        up for an in-process simulator); sent with this process's resets
     */
    public MotionSafety(MqttBus bus, RobotTopics topics, CommandPublisher commands, MotionValidator validator,
                        EstopConfig estopConfig, Optional<Secret> controllerToken, OfflineBuffer events,
                        Consumer<SafetyEvent> listener, Clock clock) {
        this.bus = ensureNotNull(bus, "bus");
        this.topics = ensureNotNull(topics, "topics");
        this.commands = ensureNotNull(commands, "commands");
        this.validator = ensureNotNull(validator, "validator");
        this.estopConfig = ensureNotNull(estopConfig, "estopConfig");
        this.latch = new EstopLatch(Optional.ofNullable(estopConfig.resetToken()), false);
        this.controllerToken = ensureNotNull(controllerToken, "controllerToken");
        this.events = ensureNotNull(events, "events");
        this.listener = ensureNotNull(listener, "listener");
        this.clock = ensureNotNull(clock, "clock");
    }

    /** Watches the e-stop topic (a retained e-stop latches at once). Call once, before the first submit. */
    public MotionSafety start() throws BusException {
        bus.subscribe(TopicFilter.of(topics.estop()), QoS.AT_LEAST_ONCE, true, this::onEstopMessage);
        return this;
    }

    /** Checks and, if allowed, publishes {@code intent}; never throws for a refusal. */
    public synchronized SafetyOutcome submit(Intent intent, String source) {
        ensureNotNull(intent, "intent");
        if (!(intent instanceof Stop) && pending != null) {
            PendingConfirmation dropped = pending;
            pending = null;
            emit(new SafetyEvent(Decision.DECLINED, null, List.of("another request came before an answer"),
                    dropped.original(), null, source, dropped.id()));
        }
        return publishChecked(intent, source, validator.check(intent, source));
    }

    private SafetyOutcome publishChecked(Intent asked, String source, Verdict verdict) {
        if (!(asked instanceof Stop) && latch.engaged()) {
            Estop cause = latch.cause().orElse(Estop.engage("unknown", null));
            return refuse(asked, source, RefusalCode.ESTOP, "the emergency stop is engaged (by " + cause.source()
                    + (cause.reason() == null ? "" : ": " + cause.reason()) + "); nothing moves until it is reset");
        }
        if (verdict instanceof Verdict.Rejected r) {
            return refuse(asked, source, r.code(), r.reason());
        }
        if (verdict instanceof Verdict.NeedsConfirmation n) {
            pending = n.pending();
            SafetyEvent e = new SafetyEvent(Decision.NEEDS_CONFIRMATION, RefusalCode.UNCONFIRMED.wire(), n.pending().reasons(),
                    asked, n.pending().intent(), source, n.pending().id());
            emit(e);
            return new SafetyOutcome.AwaitingConfirmation(n.pending(), e);
        }
        Intent toSend = verdict.toPublish().orElseThrow();
        if (!bus.isConnected()) {
            return refuse(asked, source, RefusalCode.DISCONNECTED, "not connected to the MQTT broker " + bus.serverUri()
                    + "; the command was dropped, not queued (a late motion is worse than none)");
        }
        Envelope<Intent> sent;
        try {
            sent = commands.publish(toSend);
        } catch (BusException e) {
            log.warn("command {} not sent", toSend, e);
            return refuse(asked, source, bus.isConnected() ? RefusalCode.PUBLISH_FAILED : RefusalCode.DISCONNECTED,
                    "the command was not published and is dropped: " + e.getMessage());
        }
        validator.committed(sent.msgId(), toSend);
        Optional<SafetyEvent> event = Optional.empty();
        if (verdict instanceof Verdict.Clamped c) {
            SafetyEvent e = new SafetyEvent(Decision.CLAMPED, null, c.reasons(), c.original(), c.adjusted(), source, null);
            emit(e);
            event = Optional.of(e);
        }
        return new SafetyOutcome.Sent(sent, verdict, event);
    }

    private SafetyOutcome refuse(Intent asked, String source, RefusalCode code, String reason) {
        SafetyEvent e = new SafetyEvent(Decision.REJECTED, code.wire(), List.of(reason), asked, null, source, null);
        emit(e);
        return new SafetyOutcome.Refused(e);
    }

    /**
     * Looks at an utterance before the brain does: an answer to a pending confirmation, or a spoken
     * e-stop / e-stop reset. Returns what it did, or empty when the utterance is for the brain. An
     * utterance that is not an answer drops the pending confirmation.
     */
    public synchronized Optional<SafetyOutcome> onUtterance(String text, String source) {
        String t = normalise(text);
        for (String phrase : ESTOP_RESET_PHRASES) {
            if (t.contains(phrase)) {
                if (!estopConfig.voiceReset()) {
                    SafetyEvent e = new SafetyEvent(Decision.ESTOP_RESET_REFUSED, RefusalCode.ESTOP.wire(),
                            List.of("resetting the emergency stop by voice is disabled (motion.estop.voiceReset); use the robot's command line"),
                            null, null, source, null);
                    emit(e);
                    return Optional.of(new SafetyOutcome.Refused(e));
                }
                return Optional.of(resetEstop(source));
            }
        }
        for (String phrase : ESTOP_PHRASES) {
            if (t.contains(phrase)) {
                return Optional.of(engageEstop(source, "spoken: " + text.strip()));
            }
        }
        if (pending == null) {
            return Optional.empty();
        }
        PendingConfirmation p = pending;
        if (p.expiredAt(clock.instant())) {
            pending = null;
            emit(new SafetyEvent(Decision.EXPIRED, RefusalCode.UNCONFIRMED.wire(), List.of("no answer within the confirmation time"),
                    p.original(), null, source, p.id()));
            return Optional.empty();
        }
        Optional<ConfirmationWords.Answer> answer = ConfirmationWords.answer(text);
        if (answer.isEmpty()) {
            pending = null;
            emit(new SafetyEvent(Decision.DECLINED, RefusalCode.UNCONFIRMED.wire(), List.of("the next utterance was not a yes"),
                    p.original(), null, source, p.id()));
            return Optional.empty();
        }
        pending = null;
        if (answer.get() == ConfirmationWords.Answer.NO) {
            SafetyEvent e = new SafetyEvent(Decision.DECLINED, RefusalCode.UNCONFIRMED.wire(), List.of("declined: " + text.strip()),
                    p.original(), null, source, p.id());
            emit(e);
            return Optional.of(new SafetyOutcome.Noted(e));
        }
        emit(new SafetyEvent(Decision.CONFIRMED, null, List.of("confirmed: " + text.strip()), p.original(), p.intent(), source, p.id()));
        return Optional.of(publishChecked(p.intent(), source, validator.checkConfirmed(p.intent(), source)));
    }

    /**
     * Answers the pending confirmation {@code confirmationId} directly (a button in a web view, a test):
     * yes publishes it after checking it again; no drops it. Empty when that confirmation is not the one
     * waiting (already answered, replaced or lapsed).
     */
    public synchronized Optional<SafetyOutcome> answer(String confirmationId, boolean yes, String source) {
        if (pending == null || !pending.id().equals(confirmationId)) {
            return Optional.empty();
        }
        return onUtterance(yes ? "yes" : "no", source);
    }

    /** The confirmation waiting for an answer, if any (and not lapsed). */
    public synchronized Optional<PendingConfirmation> pending() {
        if (pending != null && pending.expiredAt(clock.instant())) {
            return Optional.empty();
        }
        return Optional.ofNullable(pending);
    }

    /** Feeds the robot's reported state to the validator's pose prediction. */
    public void observe(RobotState state) {
        validator.observe(state);
    }

    /** Engages the e-stop from this process: latched, published retained, a stop command sent. */
    public synchronized SafetyOutcome engageEstop(String source, String reason) {
        Estop signal = Estop.engage(source, reason);
        EstopLatch.Change change = latch.onSignal(signal);
        publishEstop(signal, true);
        sendStop();
        SafetyEvent e = new SafetyEvent(Decision.ESTOP_ENGAGED, RefusalCode.ESTOP.wire(),
                List.of(change instanceof EstopLatch.Change.Engaged ? "emergency stop engaged by " + source + (reason == null ? "" : ": " + reason)
                        : "emergency stop was already engaged"), null, null, source, null);
        emit(e);
        return new SafetyOutcome.Noted(e);
    }

    /** Resets the e-stop from this process (its command line or web view: an authorised source). */
    public synchronized SafetyOutcome resetEstop(String source) {
        EstopLatch.Change change = latch.resetLocally(source);
        if (change instanceof EstopLatch.Change.Unchanged) {
            SafetyEvent e = new SafetyEvent(Decision.ESTOP_RESET, null, List.of("the emergency stop was not engaged"), null, null, source, null);
            emit(e);
            return new SafetyOutcome.Noted(e);
        }
        announceReset(source);
        SafetyEvent e = new SafetyEvent(Decision.ESTOP_RESET, null, List.of("emergency stop reset by " + source
                + "; nothing moves until a new command"), null, null, source, null);
        emit(e);
        return new SafetyOutcome.Noted(e);
    }

    /** Tells the controllers (with their token, not retained) and then leaves the open state retained, without a token. */
    private void announceReset(String source) {
        publishEstop(Estop.reset(source, "reset by " + source, controllerToken.map(Secret::reveal).orElse(null)), false);
        publishEstop(Estop.reset(source, "reset by " + source, null), true);
    }

    public synchronized boolean estopEngaged() {
        return latch.engaged();
    }

    private void onEstopMessage(BusMessage message) {
        Estop signal;
        try {
            signal = json.readValue(message.payload(), new com.fasterxml.jackson.core.type.TypeReference<Envelope<Estop>>() { }).payload();
        } catch (java.io.IOException | IllegalArgumentException e) {
            // Unreadable: treat as a press of the button, the safe reading of a message on the e-stop topic.
            log.warn("unreadable message on {}: treating it as an emergency stop", message.topic(), e);
            signal = Estop.engage("unknown", "unreadable message on " + message.topic());
        }
        synchronized (this) {
            EstopLatch.Change change = latch.onSignal(signal);
            if (change instanceof EstopLatch.Change.Engaged) {
                sendStop();
                emit(new SafetyEvent(Decision.ESTOP_ENGAGED, RefusalCode.ESTOP.wire(), List.of("emergency stop engaged by "
                        + signal.source() + (signal.reason() == null ? "" : ": " + signal.reason())), null, null, signal.source(), null));
            } else if (change instanceof EstopLatch.Change.Reset) {
                announceReset(signal.source());
                emit(new SafetyEvent(Decision.ESTOP_RESET, null, List.of("emergency stop reset by " + signal.source()
                        + " with the reset token; nothing moves until a new command"), null, null, signal.source(), null));
            } else if (change instanceof EstopLatch.Change.ResetRefused r) {
                // Put the latch back on the broker, in case the refused reset was retained.
                publishEstop(latch.cause().orElse(Estop.engage("runtime", "still engaged")), true);
                emit(new SafetyEvent(Decision.ESTOP_RESET_REFUSED, RefusalCode.ESTOP.wire(), List.of(r.reason()), null, null, signal.source(), null));
            }
        }
    }

    private void sendStop() {
        if (!bus.isConnected()) {
            return;
        }
        try {
            Envelope<Intent> sent = commands.publish(new Stop());
            validator.committed(sent.msgId(), new Stop());
        } catch (BusException e) {
            log.warn("stop after the emergency stop not published (the controllers watch the e-stop topic themselves)", e);
        }
    }

    private void publishEstop(Estop signal, boolean retained) {
        try {
            byte[] payload = json.writeValueAsBytes(Envelope.of(topics.robotId(), signal));
            Publication p = retained ? Publication.retained(topics.estop(), payload) : Publication.event(topics.estop(), payload);
            if (bus.isConnected()) {
                bus.publish(p);
            } else {
                events.publish(p);
            }
        } catch (BusException | JsonProcessingException e) {
            log.warn("e-stop signal not published on {}", topics.estop(), e);
        }
    }

    private void emit(SafetyEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            log.error("safety listener failed", e);
        }
        try {
            events.publish(Publication.event(topics.safetyEvents(), json.writeValueAsBytes(Envelope.of(topics.robotId(), event))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("safety event not serialisable: " + event, e);
        }
    }

    private static String normalise(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .replaceAll("[.!?,。！？]+", " ").replaceAll("\\s+", " ").strip();
    }
}
