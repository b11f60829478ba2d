package dev.voicebot.runtime;

import static dev.voicebot.config.Checks.ensureNotNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voicebot.actuators.broker.BrokerStartException;
import dev.voicebot.actuators.broker.EmbeddedBroker;
import dev.voicebot.actuators.bus.BusException;
import dev.voicebot.actuators.bus.BusMessage;
import dev.voicebot.actuators.bus.BusOptions;
import dev.voicebot.actuators.bus.MqttBus;
import dev.voicebot.actuators.bus.Publication;
import dev.voicebot.actuators.bus.QoS;
import dev.voicebot.actuators.bus.RobotTopics;
import dev.voicebot.actuators.bus.Topic;
import dev.voicebot.actuators.bus.TopicFilter;
import dev.voicebot.actuators.bus.ConfiguredBus;
import dev.voicebot.actuators.bus.OfflineBuffer;
import dev.voicebot.actuators.command.CommandPublisher;
import dev.voicebot.actuators.command.HeartbeatPublisher;
import dev.voicebot.actuators.hermes.HermesBridge;
import dev.voicebot.actuators.safety.MotionSafety;
import dev.voicebot.actuators.safety.MotionValidator;
import dev.voicebot.actuators.safety.Pose2D;
import dev.voicebot.actuators.safety.SafetyOutcome;
import dev.voicebot.actuators.intent.Intent;
import dev.voicebot.actuators.intent.Stop;
import dev.voicebot.actuators.wire.Envelope;
import dev.voicebot.actuators.wire.ErrorReport;
import dev.voicebot.actuators.wire.RobotState;
import dev.voicebot.actuators.wire.Status;
import dev.voicebot.actuators.wire.WireJson;
import dev.voicebot.brain.BrainResult;
import dev.voicebot.brain.Router;
import dev.voicebot.brain.fastpath.FastPathGrammar;
import dev.voicebot.config.RobotConfig;
import dev.voicebot.runtime.events.EventSink;
import dev.voicebot.runtime.events.ReadyFirstSink;
import dev.voicebot.runtime.events.RuntimeEvent;
import dev.voicebot.runtime.ops.Metrics;
import dev.voicebot.runtime.ops.OpsServerException;
import dev.voicebot.runtime.ops.Readiness;
import dev.voicebot.runtime.ops.ServiceOps;
import dev.voicebot.runtime.ops.Stage;
import dev.voicebot.runtime.audit.WordSafetyGate;
import dev.voicebot.runtime.data.DataDirectory;
import dev.voicebot.runtime.feedback.FeedbackReport;
import dev.voicebot.runtime.feedback.FeedbackService;
import dev.voicebot.runtime.privacy.DataKeeping;
import dev.voicebot.runtime.privacy.UtteranceRecorder;
import dev.voicebot.sim.Simulator;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running robot: broker (embedded unless {@code mqtt.url} is set), simulator (unless disabled),
 * the runtime's own MQTT connection, the brain and the command publisher, wired by constructor and
 * closed once, in reverse order, after a final stop.
 */
public final class RobotRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RobotRuntime.class);
    public static final String COMPONENT = "runtime";

    private final RobotConfig config;
    private final RobotTopics topics;
    private final EventSink events;
    private final Deque<AutoCloseable> resources;
    private final MqttBus bus;
    private final Router router;
    private final CommandPublisher commands;
    private final OfflineBuffer offline;
    private final MotionSafety safety;
    private final Optional<HermesBridge> hermes;
    private final DataKeeping keeping;
    private final WordSafetyGate words;
    private final ObjectMapper json = WireJson.newMapper();
    private final AtomicReference<RobotState> lastState = new AtomicReference<>();
    private final AtomicLong lastStateNanos = new AtomicLong();
    private final AtomicLong lastPublishNanos = new AtomicLong();
    private final AtomicLong lastAckNanos = new AtomicLong();
    private final AtomicReference<List<Object>> lastStateKey = new AtomicReference<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicReference<dev.voicebot.brain.style.ReplyStyle> replyStyle = new AtomicReference<>();
    private final dev.voicebot.brain.style.StyleRequestParser styleRequests = new dev.voicebot.brain.style.StyleRequestParser();
    private final dev.voicebot.brain.emotion.EmotionEstimator emotions = new dev.voicebot.brain.emotion.EmotionEstimator();
    private final String brokerUri;
    private final ServiceOps ops;

    private RobotRuntime(RobotConfig config, EventSink events, Deque<AutoCloseable> resources, MqttBus bus, Router router,
                         String brokerUri, DataKeeping keeping, ServiceOps ops) {
        this.config = config;
        this.topics = new RobotTopics(config.robot().id());
        this.events = events;
        this.resources = resources;
        this.bus = bus;
        this.router = router;
        this.brokerUri = brokerUri;
        this.ops = ops;
        this.keeping = keeping;
        this.commands = new CommandPublisher(bus, topics, config.mqtt().commandExpiry(),
                ack -> {
                    lastAckNanos.set(System.nanoTime());
                    events.emit(RuntimeEvent.CommandAck.of(ack));
                });
        this.offline = new OfflineBuffer(bus, config.mqtt().offlineBuffer());
        resources.push(offline);
        this.hermes = config.mqtt().hermes().enabled()
                ? Optional.of(new HermesBridge(bus, config.mqtt().hermes().siteId(),
                        say -> events.emit(new RuntimeEvent.Reply(say.text(), say.lang() == null ? "en" : say.lang(), say.id()))))
                : Optional.empty();
        this.safety = new MotionSafety(bus, topics, commands,
                new MotionValidator(config.motion().limits(), new Pose2D(config.sim().start().x(), config.sim().start().y(),
                        config.sim().start().headingDeg()), config.mqtt().commandExpiry(), java.time.Clock.systemUTC()),
                config.motion().estop(), Optional.ofNullable(config.motion().estop().resetToken()), offline,
                e -> {
                    events.emit(RuntimeEvent.Safety.of(e));
                    keeping.audit().record(e);
                }, java.time.Clock.systemUTC());
        this.words = new WordSafetyGate(config.safety().enabled()
                ? Optional.of(dev.voicebot.brain.safety.SafetyFilter.withDefaultRules(config.safety())) : Optional.empty(),
                keeping.audit(), keeping.privacy(), this::announceSafety);
    }

    /** Starts every part in order, keeping nothing on disk (no data directory); on failure closes what had started and says why. */
    public static RobotRuntime start(RobotConfig config, EventSink events) throws StartupException {
        return start(config, events, Optional.empty());
    }

    /**
     * Starts every part in order; the audit log, feedback reports and opt-in recordings go to {@code data}
     * (none: nothing is kept on disk). On failure closes what had started and says why.
     */
    public static RobotRuntime start(RobotConfig config, EventSink consumer, Optional<DataDirectory> data) throws StartupException {
        ensureNotNull(config, "config");
        ensureNotNull(consumer, "events");
        ReadyFirstSink events = new ReadyFirstSink(consumer);
        ensureNotNull(data, "data");
        RobotTopics topics = new RobotTopics(config.robot().id());
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            ServiceOps ops = ServiceOps.start(config.http());
            resources.push(ops);
            // the embedded broker first, so that it closes last: the audit log and the models close while it still runs
            String uri;
            boolean embedded = config.mqtt().externalUrl().isEmpty();
            if (embedded) {
                EmbeddedBroker broker = EmbeddedBroker.start(config.mqtt().embedded().host(), config.mqtt().embedded().port());
                resources.push(broker);
                uri = broker.uri();
            } else {
                uri = ConfiguredBus.pahoUri(config.mqtt().externalUrl().get());
            }
            FeedbackService.Listener feedback = feedbackEvents(events);
            DataKeeping keeping = data.isPresent() ? DataKeeping.open(config, data.get(), feedback, java.time.Clock.systemUTC())
                    : DataKeeping.inMemory(config, feedback, java.time.Clock.systemUTC());
            resources.push(keeping);
            if (config.sim().enabled()) {
                resources.push(Simulator.start(config.sim(), topics, ConfiguredBus.options(config.mqtt(), uri, Simulator.clientId(topics)),
                        dev.voicebot.actuators.controller.ControllerOptions.inProcess(config)));
            }
            Publication will = Publication.retained(topics.status(COMPONENT),
                    WireJson.newMapper().writeValueAsBytes(Envelope.of(topics.robotId(), new Status(Status.State.OFFLINE, COMPONENT))));
            MqttBus bus = MqttBus.connect(ConfiguredBus.options(config.mqtt(), uri, "runtime-" + topics.robotId() + "-" + Long.toHexString(System.nanoTime()))
                    .withWill(will));
            resources.push(bus);
            ops.metrics().bindBus(bus);
            ops.readiness().register("broker", () -> bus.isConnected() ? Readiness.ok("connected to " + uri) : Readiness.notReady("not connected to " + uri));
            Router router = new Router(new FastPathGrammar(config.motion()), loadLanguageModel(config, events, resources, ops));
            RobotRuntime runtime = new RobotRuntime(config, events, resources, bus, router, uri, keeping, ops);
            runtime.wire();
            if (config.sim().enabled()) {
                ops.readiness().register("simulator", () -> runtime.lastState().isPresent() ? Readiness.ok("reporting state") : Readiness.notReady("no state yet"));
            }
            events.open(new RuntimeEvent.Ready(topics.robotId(), uri, embedded, config.sim().enabled())
                    .withHttp(ops.httpPort().orElse(null), ops.httpUri().orElse(null)));
            ops.readiness().markStarted();
            return runtime;
        } catch (BrokerStartException | BusException | OpsServerException e) {
            closeAll(resources);
            throw new StartupException(e.getMessage(), e);
        } catch (JsonProcessingException e) {
            closeAll(resources);
            throw new IllegalStateException("status not serialisable", e);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    /**
     * The local LLM behind the fast path, when {@code brain.model} names one. A missing or broken model is
     * reported and the runtime goes on with the fast path alone.
     */
    private static Optional<dev.voicebot.brain.Responder> loadLanguageModel(RobotConfig config, EventSink events,
                                                                           Deque<AutoCloseable> resources, ServiceOps ops) {
        dev.voicebot.brain.llm.LlmAvailability llm = dev.voicebot.brain.llm.LlamaResponder.load(config.brain());
        if (llm instanceof dev.voicebot.brain.llm.LlmAvailability.Loaded loaded) {
            resources.push(loaded.llm());
            ops.readiness().register("llm", () -> Readiness.ok("model " + config.brain().model() + " loaded"));
        } else if (llm instanceof dev.voicebot.brain.llm.LlmAvailability.Unavailable unavailable) {
            log.warn("language model {} not usable; continuing with fast-path commands only", unavailable.model(), unavailable.reason());
            events.emit(new RuntimeEvent.Error("brain", "language model " + unavailable.model() + " not usable: "
                    + unavailable.reason().getMessage() + "; continuing with fast-path commands only"));
            ops.readiness().register("llm", () -> Readiness.notReady("model " + unavailable.model() + " not usable"));
        } else {
            log.info("no language model configured (brain.model); only fast-path commands are understood."
                    + " Fetch one with: robot models list, then robot models pull NAME");
        }
        return llm.responder();
    }

    /** The response style now in force (configuration, then changes by voice or on {@code robot/{id}/style}). */
    public dev.voicebot.brain.style.ReplyStyle replyStyle() {
        return replyStyle.get();
    }

    /**
     * "please answer more briefly", "반말로 해도 돼": the style changes for the rest of the run and the robot
     * says so; such an utterance is not routed further.
     */
    private Optional<BrainResult> styleRequest(String text, String lang) {
        List<dev.voicebot.brain.style.StyleChange> changes = styleRequests.parse(text);
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        dev.voicebot.brain.style.ReplyStyle now = replyStyle.updateAndGet(s -> s.withAll(changes));
        events.emit(new RuntimeEvent.Notice("style", "response style now " + now.tone().wire() + ", " + now.detail().wire()
                + ", " + now.speechLevel().wire() + " (by voice)"));
        String reply = "ko".equals(lang)
                ? (now.speechLevel() == dev.voicebot.brain.style.SpeechLevel.CASUAL ? "응, 앞으로 그렇게 말할게." : "네, 앞으로 그렇게 말할게요.")
                : "OK, I'll answer that way from now on.";
        return Optional.of(new BrainResult(text, lang, dev.voicebot.brain.RoutePath.NONE, List.of(), reply, Duration.ZERO));
    }

    /** A style message on {@code robot/{id}/style}: {@code {tone?, detail?, speechLevel?, source?}} in the envelope. */
    private void onStyle(BusMessage message) {
        try {
            com.fasterxml.jackson.databind.JsonNode payload = json.readTree(message.payload()).path("payload");
            List<dev.voicebot.brain.style.StyleChange> changes = new java.util.ArrayList<>();
            if (payload.hasNonNull("tone")) {
                changes.add(new dev.voicebot.brain.style.StyleChange.SetTone(json.convertValue(payload.get("tone"), dev.voicebot.brain.style.Tone.class)));
            }
            if (payload.hasNonNull("detail")) {
                changes.add(new dev.voicebot.brain.style.StyleChange.SetDetail(json.convertValue(payload.get("detail"), dev.voicebot.brain.style.Detail.class)));
            }
            if (payload.hasNonNull("speechLevel")) {
                changes.add(new dev.voicebot.brain.style.StyleChange.SetSpeechLevel(
                        json.convertValue(payload.get("speechLevel"), dev.voicebot.brain.style.SpeechLevel.class)));
            }
            if (changes.isEmpty()) {
                throw new IllegalArgumentException("no tone, detail or speechLevel in it");
            }
            dev.voicebot.brain.style.ReplyStyle now = replyStyle.updateAndGet(s -> s.withAll(changes));
            events.emit(new RuntimeEvent.Notice("style", "response style now " + now.tone().wire() + ", " + now.detail().wire()
                    + ", " + now.speechLevel().wire() + " (over MQTT)"));
        } catch (java.io.IOException | IllegalArgumentException e) {
            log.warn("ignored a malformed style message on {}", message.topic(), e);
            events.emit(new RuntimeEvent.Error("style", "malformed style message on " + message.topic() + ": " + e.getMessage()));
        }
    }

    private void wire() throws BusException {
        safety.start();
        if (hermes.isPresent()) {
            hermes.get().start();
        }
        resources.push(HeartbeatPublisher.start(bus, topics, config.mqtt().heartbeatInterval(), COMPONENT));
        commands.start();
        bus.subscribe(TopicFilter.of(topics.feedback()), QoS.AT_LEAST_ONCE, keeping.feedback()::onMessage);
        bus.subscribe(TopicFilter.of(topics.state()), QoS.AT_MOST_ONCE, this::onState);
        bus.subscribe(TopicFilter.of(topics.errors()), QoS.AT_LEAST_ONCE, this::onError);
        replyStyle.set(dev.voicebot.brain.style.ReplyStyle.from(config.style()));
        bus.subscribe(new TopicFilter("robot/" + topics.robotId() + "/style"), QoS.AT_LEAST_ONCE, this::onStyle);
        publishJson(Publication::retained, topics.status(COMPONENT), new Status(Status.State.ONLINE, COMPONENT));
    }

    public RobotTopics topics() {
        return topics;
    }

    public String brokerUri() {
        return brokerUri;
    }

    public RobotConfig config() {
        return config;
    }

    /** Metrics ({@code ops().metrics().start(Stage.ASR)}) and readiness probes ({@code ops().readiness().register(...)}) of this runtime. */
    public ServiceOps ops() {
        return ops;
    }

    /**
     * Handles one typed or transcribed utterance end to end: a spoken report about the last reply, the
     * word filter, route, publish, command. What is printed, published or kept passes the privacy
     * policy (redaction; no transcripts on MQTT if so configured); the brain sees the original text.
     */
    public BrainResult handleText(String text, String language, String source) {
        return handleText(text, language, source, new dev.voicebot.brain.CancelSignal());
    }

    /**
     * {@link #handleText(String, String, String)} whose reply generation {@code cancel} stops early
     * (barge-in: the person started speaking again); a cancelled turn's intents do not run.
     */
    public BrainResult handleText(String text, String language, String source, dev.voicebot.brain.CancelSignal cancel) {
        return handleText(text, language, source, cancel, Optional.empty());
    }

    /**
     * As {@link #handleText(String, String, String, dev.voicebot.brain.CancelSignal)}, with the speech's prosody
     * combined with the words into the emotion estimate that shapes the reply (calmer and shorter when upset).
     */
    public BrainResult handleText(String text, String language, String source, dev.voicebot.brain.CancelSignal cancel,
                                  Optional<dev.voicebot.brain.emotion.ProsodySummary> prosody) {
        String lang = language == null ? dev.voicebot.brain.Languages.guess(text) : language;
        if (keeping.privacy().publishTranscripts()) {
            hermes.ifPresent(h -> h.textCaptured(keeping.privacy().clean(text), lang, 0));
        }
        ops.metrics().utterance(source);
        String kept = keeping.privacy().clean(text);
        events.emit(new RuntimeEvent.Utterance(kept, lang, source));
        if (keeping.privacy().publishTranscripts()) {
            publishQuietly(topics.utterance(), Map.of("text", kept, "language", lang, "source", source));
        }
        if (safety.onUtterance(text, source).isPresent()) {
            return new BrainResult(text, lang, dev.voicebot.brain.RoutePath.NONE, List.of(), null, Duration.ZERO);
        }
        Optional<String> acknowledged = keeping.feedback().onUtterance(text, lang);
        Optional<dev.voicebot.brain.safety.Verdict> stopped = acknowledged.isPresent() ? Optional.empty() : timed(Stage.SAFETY, () -> words.stopsInput(text, lang, source));
        BrainResult result = acknowledged.or(() -> stopped.flatMap(dev.voicebot.brain.safety.Verdict::replacement))
                .map(reply -> new BrainResult(text, lang, dev.voicebot.brain.RoutePath.NONE, List.of(), reply, Duration.ZERO))
                .or(() -> styleRequest(text, lang))
                .orElseGet(() -> router.route(text, lang, dev.voicebot.brain.TurnContext.defaults().withCancel(cancel)
                        .withStyle(replyStyle.get().adaptTo(emotions.estimate(text, prosody)).systemPromptFragment())));
        boolean fromBrain = acknowledged.isEmpty() && stopped.isEmpty();
        events.emit(new RuntimeEvent.Intents(keeping.privacy().clean(result.text()), result.language(), result.path().wire(), result.intents(),
                result.elapsed().toNanos() / 1e6));
        Map<String, Object> intents = new java.util.LinkedHashMap<>();
        if (keeping.privacy().publishTranscripts()) {
            intents.put("text", keeping.privacy().clean(result.text()));
        }
        intents.put("language", result.language());
        intents.put("path", result.path().wire());
        intents.put("intents", result.intents().toArray(new Intent[0])); // an array keeps each intent's "type" on the wire
        publishQuietly(topics.intents(), intents);
        result.replyText().ifPresent(reply -> say(fromBrain ? timed(Stage.SAFETY, () -> words.checkReply(reply, result.language())) : reply, result.language(), text, lang));
        if (!result.elapsed().isZero()) {
            ops.metrics().record(Stage.ROUTE, result.elapsed());
        }
        if (result.path() == dev.voicebot.brain.RoutePath.LLM) {
            ops.metrics().record(Stage.LLM_TOTAL, result.elapsed());
            result.firstTokenTime().ifPresent(t -> ops.metrics().record(Stage.LLM_FIRST_TOKEN, t));
        }
        hermes.ifPresent(h -> result.intents().forEach(i -> h.intent(keeping.privacy().publishTranscripts()
                ? keeping.privacy().clean(result.text()) : "", i, 1.0)));
        for (Intent intent : result.intents()) {
            ops.metrics().intent(intent.kind(), result.path().wire());
            sendCommand(intent);
        }
        return result;
    }

    /** Publishes a reply (redacted as configured), prints it with its msgId and remembers it so that it can be reported. */
    private void say(String reply, String language, String utterance, String utteranceLanguage) {
        String kept = keeping.privacy().clean(reply);
        String msgId = publishQuietly(topics.reply(), Map.of("text", kept, "language", language));
        events.emit(new RuntimeEvent.Reply(kept, language, msgId));
        hermes.ifPresent(h -> h.say(kept, language));
        keeping.feedback().rememberReply(msgId, reply, language, utterance, utteranceLanguage);
    }

    /** A word-filter decision: published on the safety events topic; printed unless it simply allowed the text. */
    /** Runs {@code work} and records how long it took as {@code stage} in the metrics. */
    private <T> T timed(Stage stage, java.util.function.Supplier<T> work) {
        try (Metrics.Span span = ops.metrics().start(stage)) {
            return work.get();
        }
    }

    private void announceSafety(dev.voicebot.actuators.wire.SafetyEvent event) {
        if (event.decision() != dev.voicebot.actuators.wire.SafetyEvent.Decision.ALLOWED) {
            ops.metrics().refusal(event.code());
            events.emit(RuntimeEvent.Safety.of(event));
        }
        publishQuietly(topics.safetyEvents(), event);
    }

    private static FeedbackService.Listener feedbackEvents(EventSink events) {
        return new FeedbackService.Listener() {
            @Override
            public void accepted(FeedbackReport report) {
                events.emit(new RuntimeEvent.Feedback(report.reportId(), report.via(), report.reason(), report.replyMsgId(), true));
            }

            @Override
            public void refused(String why) {
                events.emit(new RuntimeEvent.Error("feedback", why));
            }
        };
    }

    /** The opt-in debug recording of utterance audio ({@code privacy.recordAudio}); records nothing unless switched on. */
    public UtteranceRecorder recorder() {
        return keeping.recorder();
    }

    /**
     * Publishes one command through the motion safety layer (e-stop, validator, connection); a refusal or
     * clamp becomes a safety event, never an exception.
     */
    public SafetyOutcome sendCommand(Intent intent) {
        lastPublishNanos.set(System.nanoTime());
        SafetyOutcome outcome;
        try (Metrics.Span span = ops.metrics().start(Stage.PUBLISH)) {
            outcome = safety.submit(intent, "runtime");
        }
        if (outcome instanceof SafetyOutcome.Refused refused) {
            ops.metrics().refusal(refused.eventValue().code());
        }
        if (outcome instanceof SafetyOutcome.Sent sent) {
            events.emit(new RuntimeEvent.CommandPublished(sent.envelope().msgId(), topics.command().name(), sent.envelope().payload()));
        }
        return outcome;
    }

    /**
     * Publishes one spoken utterance's stage timings ({@code stages}: ms per stage) on
     * {@code robot/{id}/timings}, so that a person can see where the time goes.
     */
    public void publishTimings(long startMs, long endMs, Map<String, Double> stages) {
        Map<String, Object> payload = new java.util.LinkedHashMap<>();
        payload.put("startMs", startMs);
        payload.put("endMs", endMs);
        payload.put("stagesMs", stages);
        publishQuietly(new Topic("robot/" + topics.robotId() + "/timings"), payload);
    }

    /** Engages the latched emergency stop from this process (anyone may). */
    public SafetyOutcome engageEstop(String source, String reason) {
        return safety.engageEstop(source, reason);
    }

    /** Resets the emergency stop from this process (command line, web view): an authorised source. */
    public SafetyOutcome resetEstop(String source) {
        return safety.resetEstop(source);
    }

    /** The motion safety layer (e-stop state, pending confirmation). */
    public MotionSafety safety() {
        return safety;
    }

    /**
     * Waits until every command is acknowledged and the controller reports idle after the last
     * acknowledgement (the controller publishes its state right after each ack, on the same connection).
     * Returns false on timeout.
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            RobotState s = lastState.get();
            if (commands.pending() == 0 && s != null && s.idle()
                    && lastStateNanos.get() > Math.max(lastPublishNanos.get(), lastAckNanos.get())) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    /** The newest state the controller reported, if any. */
    public Optional<RobotState> lastState() {
        return Optional.ofNullable(lastState.get());
    }

    private void onState(BusMessage message) {
        try {
            Envelope<RobotState> envelope = json.readValue(message.payload(), new TypeReference<Envelope<RobotState>>() { });
            RobotState s = envelope.payload();
            lastState.set(s);
            safety.observe(s);
            lastStateNanos.set(System.nanoTime());
            List<Object> key = java.util.Arrays.asList(s.activity(), s.pose(), s.gesture(), s.queued() == 0);
            List<Object> previous = lastStateKey.getAndSet(key);
            if (!Objects.equals(previous, key)) {
                events.emit(RuntimeEvent.StateChanged.of(s));
            }
        } catch (java.io.IOException | IllegalArgumentException e) {
            log.warn("malformed state on {}", message.topic(), e);
            events.emit(new RuntimeEvent.Error("state", "malformed state message on " + message.topic() + ": " + e.getMessage()));
        }
    }

    private void onError(BusMessage message) {
        try {
            Envelope<ErrorReport> envelope = json.readValue(message.payload(), new TypeReference<Envelope<ErrorReport>>() { });
            events.emit(new RuntimeEvent.Error(envelope.payload().source(), envelope.payload().message()));
        } catch (java.io.IOException | IllegalArgumentException e) {
            events.emit(new RuntimeEvent.Error("errors", "unreadable error report on " + message.topic() + ": " + message.text()));
        }
    }

    private interface PublicationFactory {
        Publication make(Topic topic, byte[] payload);
    }

    private void publishJson(PublicationFactory factory, Topic topic, Object payload) throws BusException {
        try {
            bus.publish(factory.make(topic, json.writeValueAsBytes(Envelope.of(topics.robotId(), payload))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("payload not serialisable: " + payload, e);
        }
    }

    /** Publishes an event message; returns its msgId. A message the offline buffer drops becomes an error event. */
    private String publishQuietly(Topic topic, Object payload) {
        try {
            Envelope<Object> envelope = Envelope.of(topics.robotId(), payload);
            if (offline.publish(Publication.event(topic, json.writeValueAsBytes(envelope))) == OfflineBuffer.Result.DROPPED) {
                events.emit(new RuntimeEvent.Error(COMPONENT, "event on " + topic + " not published"));
            }
            return envelope.msgId();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("payload not serialisable: " + payload, e);
        }
    }

    /** Safe stop first (a stop command), then offline status, then every part in reverse order. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        ops.readiness().markStopping();
        if (bus.isConnected()) {
            try {
                commands.publish(new Stop());
            } catch (BusException | RuntimeException e) {
                log.warn("final stop not published", e);
            }
            try {
                publishJson(Publication::retained, topics.status(COMPONENT), new Status(Status.State.OFFLINE, COMPONENT));
            } catch (BusException | RuntimeException e) {
                log.warn("offline status not published", e);
            }
        }
        closeAll(resources);
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            AutoCloseable r = resources.pop();
            long start = System.nanoTime();
            try {
                r.close();
                log.debug("closed {} in {} ms", r.getClass().getSimpleName(), (System.nanoTime() - start) / 1_000_000);
            } catch (Exception e) {
                log.warn("closing {} failed", r.getClass().getSimpleName(), e);
            }
        }
    }
}
