package dev.voicebot.runtime.web;

import static dev.voicebot.config.Checks.ensureNotNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voicebot.actuators.bus.BusException;
import dev.voicebot.actuators.bus.BusMessage;
import dev.voicebot.actuators.bus.BusOptions;
import dev.voicebot.actuators.bus.MqttBus;
import dev.voicebot.actuators.bus.Publication;
import dev.voicebot.actuators.bus.QoS;
import dev.voicebot.actuators.bus.RobotTopics;
import dev.voicebot.actuators.bus.Topic;
import dev.voicebot.actuators.bus.TopicFilter;
import dev.voicebot.actuators.wire.Envelope;
import dev.voicebot.actuators.wire.ErrorReport;
import dev.voicebot.actuators.wire.Estop;
import dev.voicebot.actuators.wire.RobotState;
import dev.voicebot.actuators.wire.SafetyEvent;
import dev.voicebot.actuators.wire.Status;
import dev.voicebot.actuators.wire.WireJson;
import dev.voicebot.config.RobotConfig;
import dev.voicebot.config.SimConfig;
import dev.voicebot.runtime.RobotRuntime;
import dev.voicebot.runtime.StartupException;
import dev.voicebot.runtime.events.EventSink;
import dev.voicebot.runtime.events.RuntimeEvent;
import java.net.BindException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live web view: a page (every asset from the jar) that shows the robot from above with its
 * trail, heading, obstacles and walls, its pose, gesture, head and battery, and a log of what was
 * heard, understood, said, decided and sent; and from which a person can type to the robot, talk to
 * it (push-to-talk audio over the WebSocket), press E-STOP and change the response style.
 *
 * <p>It listens on loopback only ({@code web.host}, {@code web.port}; 0 picks a free port) and refuses
 * WebSocket upgrades from pages of other origins. It is an {@link EventSink} for the runtime's events
 * and has its own MQTT connection for the robot's state, e-stop and status (and, with the simulator
 * alone, its errors and safety events). Start it, then attach it to a runtime ({@code robot run}) or
 * to a broker ({@code robot sim}).
 */
public final class WebView implements EventSink, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebView.class);
    static final int HISTORY = 300;
    static final Duration STATE_PERIOD = Duration.ofMillis(100);
    /** At most this much push-to-talk audio per utterance (16 kHz, 16-bit mono). */
    static final int MAX_AUDIO_BYTES = 30 * 16_000 * 2;

    private final RobotConfig config;
    private final RobotTopics topics;
    private final VoiceInput voice;
    private final Server server;
    private final URI url;
    private final ObjectMapper json = WireJson.newMapper();
    private final Set<PageSocket> pages = new CopyOnWriteArraySet<>();
    private final Deque<JsonNode> history = new ArrayDeque<>();
    private final ExecutorService sender;
    private final ExecutorService worker;
    private final ScheduledExecutorService ticker;
    private final AtomicReference<RobotState> state = new AtomicReference<>();
    private final AtomicReference<StyleChange> style;
    private final Map<String, String> componentStatus = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean estopEngaged;
    private volatile EventSink events = this;
    private volatile MqttBus bus;
    private volatile RobotRuntime runtime;

    private WebView(RobotConfig config, VoiceInput voice, Server server, URI url) {
        this.config = config;
        this.topics = new RobotTopics(config.robot().id());
        this.voice = voice;
        this.server = server;
        this.url = url;
        this.style = new AtomicReference<>(StyleChange.of(config.style(), "config"));
        this.sender = Executors.newSingleThreadExecutor(r -> daemon(r, "web-send"));
        this.worker = Executors.newSingleThreadExecutor(r -> daemon(r, "web-actions"));
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "web-state"));
    }

    /** Starts the HTTP and WebSocket server on {@code web.host}:{@code web.port}. */
    public static WebView start(RobotConfig config, VoiceInput voice) throws StartupException {
        ensureNotNull(config, "config");
        ensureNotNull(voice, "voice");
        QueuedThreadPool pool = new QueuedThreadPool(16, 2);
        pool.setName("web");
        pool.setDaemon(true);
        Server server = new Server(pool);
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost(config.web().host());
        connector.setPort(config.web().port());
        server.addConnector(connector);
        WebView[] self = new WebView[1];
        WebSocketUpgradeHandler sockets = WebSocketUpgradeHandler.from(server, container -> {
            container.setMaxBinaryMessageSize(256 * 1024);
            container.setMaxTextMessageSize(64 * 1024);
            container.setIdleTimeout(Duration.ofHours(1));
            container.addMapping("/ws", (request, response, callback) -> {
                String origin = request.getHeaders().get(HttpHeader.ORIGIN);
                if (origin != null && !self[0].sameOrigin(origin)) {
                    log.warn("web view: refused a WebSocket from origin {}", origin);
                    Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403, "cross-origin WebSocket refused");
                    return null;
                }
                return new PageSocket(self[0]);
            });
        });
        sockets.setHandler(new AssetHandler());
        server.setHandler(sockets);
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception stopFailure) {
                e.addSuppressed(stopFailure);
            }
            String where = config.web().host() + ":" + config.web().port();
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                throw new StartupException("web view: port " + config.web().port() + " on " + config.web().host()
                        + " is already in use (set web.port to a free port, or 0 to pick one)", e);
            }
            throw new StartupException("web view: cannot listen on " + where + ": " + e, e);
        }
        String host = config.web().host().equals("::1") ? "[::1]" : config.web().host();
        URI url = URI.create("http://" + host + ":" + connector.getLocalPort() + "/");
        WebView view = new WebView(config, voice, server, url);
        self[0] = view;
        view.ticker.scheduleAtFixedRate(view::pushState, STATE_PERIOD.toMillis(), STATE_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        log.info("web view on {}", url);
        return view;
    }

    /** Where a browser finds the page. */
    public URI url() {
        return url;
    }

    /**
     * {@code downstream} and this view: events go to both, and the {@code ready} event carries this
     * view's URL.
     */
    public EventSink wrap(EventSink downstream) {
        ensureNotNull(downstream, "downstream");
        EventSink both = event -> {
            RuntimeEvent e = event instanceof RuntimeEvent.Ready r && r.webUrl() == null ? r.withWebUrl(url.toString()) : event;
            downstream.emit(e);
            emit(e);
        };
        this.events = both;
        return both;
    }

    /** {@code robot run}: typing, talking, E-STOP and style go through {@code runtime}. */
    public void attach(RobotRuntime runtime) throws StartupException {
        ensureNotNull(runtime, "runtime");
        connect(runtime.brokerUri(), false);
        this.runtime = runtime;
    }

    /** {@code robot sim}: the simulator alone; E-STOP is published on the bus, there is no brain to type to. */
    public void attachBroker(String brokerUri) throws StartupException {
        connect(ensureNotNull(brokerUri, "brokerUri"), true);
    }

    /** What push-to-talk can use with this configuration. */
    public static VoiceInput voiceFor(RobotConfig config) {
        if (config.speech().model() == null) {
            return VoiceInput.notConfigured(VoiceInput.NO_MODEL);
        }
        return VoiceInput.speechPipeline();
    }

    private void connect(String brokerUri, boolean simulatorOnly) throws StartupException {
        try {
            connectBus(brokerUri, simulatorOnly);
        } catch (BusException e) {
            throw new StartupException("web view: " + e.getMessage(), e);
        }
    }

    private void connectBus(String brokerUri, boolean simulatorOnly) throws BusException {
        MqttBus b = MqttBus.connect(BusOptions.of(brokerUri, "web-" + topics.robotId() + "-" + Long.toHexString(System.nanoTime())));
        try {
            b.subscribe(TopicFilter.of(topics.state()), QoS.AT_MOST_ONCE, this::onState);
            b.subscribe(TopicFilter.of(topics.estop()), QoS.AT_LEAST_ONCE, this::onEstop);
            b.subscribe(topics.allStatus(), QoS.AT_LEAST_ONCE, this::onStatus);
            if (simulatorOnly) {
                b.subscribe(TopicFilter.of(topics.errors()), QoS.AT_LEAST_ONCE, this::onError);
                b.subscribe(TopicFilter.of(topics.safetyEvents()), QoS.AT_LEAST_ONCE, this::onSafety);
            }
        } catch (BusException e) {
            b.close();
            throw e;
        }
        this.bus = b;
    }

    @Override
    public void emit(RuntimeEvent event) {
        if (closed.get()) {
            return;
        }
        try {
            publishToPages(json.readTree(json.writerFor(RuntimeEvent.class).writeValueAsString(event)));
        } catch (JsonProcessingException e) {
            log.warn("web view: event not serialisable: {}", event, e);
        }
    }

    /** An event of the web view's own (style, speech, refusals), shown in the log like the runtime's. */
    void note(String kind, Map<String, ?> fields) {
        ObjectNode node = json.createObjectNode();
        node.put("event", kind);
        fields.forEach((k, v) -> node.set(k, json.valueToTree(v)));
        publishToPages(node);
    }

    private void error(String source, String message) {
        log.warn("web view: {} ({})", message, source);
        note("error", Map.of("source", source, "message", message));
    }

    private void publishToPages(JsonNode event) {
        synchronized (history) {
            history.addLast(event);
            while (history.size() > HISTORY) {
                history.removeFirst();
            }
        }
        ObjectNode frame = json.createObjectNode();
        frame.put("type", "event");
        frame.set("event", event);
        broadcast(frame.toString(), true);
    }

    private void broadcast(String text, boolean important) {
        try {
            sender.execute(() -> {
                for (PageSocket page : pages) {
                    page.send(text, important);
                }
            });
        } catch (RejectedExecutionException closing) {
            // closing: nobody to tell
        }
    }

    private void pushState() {
        if (pages.isEmpty()) {
            return;
        }
        try {
            broadcast(stateFrame().toString(), false);
        } catch (RuntimeException e) {
            log.warn("web view: state not sent", e);
        }
    }

    private ObjectNode stateFrame() {
        ObjectNode frame = json.createObjectNode();
        frame.put("type", "state");
        RobotState s = state.get();
        if (s != null) {
            frame.set("state", json.valueToTree(s));
        }
        frame.put("estop", estopEngaged);
        frame.put("controller", componentStatus.getOrDefault("controller", "unknown"));
        frame.put("connected", bus != null && bus.isConnected());
        return frame;
    }

    // ---- from the bus ----

    private void onState(BusMessage m) {
        try {
            state.set(json.readValue(m.payload(), new TypeReference<Envelope<RobotState>>() { }).payload());
        } catch (java.io.IOException | IllegalArgumentException e) {
            log.debug("web view: unreadable state", e);
        }
    }

    private void onEstop(BusMessage m) {
        try {
            Estop e = json.readValue(m.payload(), new TypeReference<Envelope<Estop>>() { }).payload();
            estopEngaged = e.engaged();
        } catch (java.io.IOException | IllegalArgumentException e) {
            estopEngaged = true; // an unreadable e-stop message counts as a press, as the controllers read it
        }
    }

    private void onStatus(BusMessage m) {
        try {
            Status s = json.readValue(m.payload(), new TypeReference<Envelope<Status>>() { }).payload();
            String previous = componentStatus.put(s.component(), s.state().wire());
            if (previous != null && !previous.equals(s.state().wire())) {
                note("status", Map.of("component", s.component(), "state", s.state().wire()));
            }
        } catch (java.io.IOException | IllegalArgumentException e) {
            log.debug("web view: unreadable status", e);
        }
    }

    private void onError(BusMessage m) {
        try {
            ErrorReport r = json.readValue(m.payload(), new TypeReference<Envelope<ErrorReport>>() { }).payload();
            emit(new RuntimeEvent.Error(r.source(), r.message()));
        } catch (java.io.IOException | IllegalArgumentException e) {
            emit(new RuntimeEvent.Error("errors", "unreadable error report: " + m.text()));
        }
    }

    private void onSafety(BusMessage m) {
        try {
            emit(RuntimeEvent.Safety.of(json.readValue(m.payload(), new TypeReference<Envelope<SafetyEvent>>() { }).payload()));
        } catch (java.io.IOException | IllegalArgumentException e) {
            emit(new RuntimeEvent.Error("safety", "unreadable safety event: " + m.text()));
        }
    }

    // ---- from the pages ----

    void opened(PageSocket page) {
        pages.add(page);
        ObjectNode hello = json.createObjectNode();
        hello.put("type", "hello");
        hello.put("robotId", topics.robotId());
        hello.put("mode", runtime != null ? "run" : "sim");
        hello.set("world", world());
        hello.set("style", json.valueToTree(style.get()));
        ObjectNode v = hello.putObject("voice");
        v.put("available", voice.unavailableReason().isEmpty());
        voice.unavailableReason().ifPresent(r -> v.put("reason", r));
        ArrayNode past = hello.putArray("history");
        synchronized (history) {
            history.forEach(past::add);
        }
        String text = hello.toString();
        String first = stateFrame().toString();
        try {
            sender.execute(() -> {
                page.send(text, true);
                page.send(first, false);
            });
        } catch (RejectedExecutionException closing) {
            page.close();
        }
    }

    void closed(PageSocket page) {
        pages.remove(page);
    }

    private ObjectNode world() {
        ObjectNode w = json.createObjectNode();
        w.put("radius", config.sim().robotRadiusM());
        w.set("start", json.valueToTree(config.sim().start()));
        w.set("walls", json.valueToTree(config.sim().geofence()));
        try {
            // the element type must be given: a bare list would lose each obstacle's "shape"
            w.set("obstacles", json.readTree(json.writerFor(new TypeReference<List<SimConfig.Obstacle>>() { })
                    .writeValueAsString(config.sim().obstacles())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("obstacles not serialisable", e);
        }
        w.set("safetyFence", json.valueToTree(config.motion().limits().geofence()));
        return w;
    }

    /** One JSON message from a page. */
    void onMessage(PageSocket page, JsonNode message) {
        String type = message.path("type").asText("");
        switch (type) {
            case "say" -> say(message.path("text").asText("").strip());
            case "estop" -> estop();
            case "reset" -> resetEstop();
            case "style" -> changeStyle(message);
            case "ping" -> page.send("{\"type\":\"pong\"}", true);
            default -> error("web", "unknown message type '" + type + "' from the page");
        }
    }

    private void say(String text) {
        if (text.isEmpty()) {
            return;
        }
        if (text.length() > 1000) {
            error("web", "typed text longer than 1000 characters ignored");
            return;
        }
        RobotRuntime r = runtime;
        if (r == null) {
            error("web", "typing needs the brain: this is `robot sim` (the simulator alone); use `robot run` to talk to the robot");
            return;
        }
        runAction("typed text", () -> r.handleText(text, null, "web"));
    }

    private void estop() {
        RobotRuntime r = runtime;
        if (r != null) {
            runAction("E-STOP", () -> r.engageEstop("web", "E-STOP pressed on the web view"));
            return;
        }
        runAction("E-STOP", () -> {
            publishEstop(Estop.engage("web", "E-STOP pressed on the web view"));
            note("safety", Map.of("decision", "estop-engaged", "reason", "emergency stop engaged by web", "source", "web"));
        });
    }

    private void resetEstop() {
        RobotRuntime r = runtime;
        if (r != null) {
            runAction("E-STOP reset", () -> r.resetEstop("web"));
            return;
        }
        runAction("E-STOP reset", () -> {
            publishEstop(Estop.reset("web", "reset from the web view", null));
            note("safety", Map.of("decision", "estop-reset", "reason", "emergency stop reset by web", "source", "web"));
        });
    }

    private void publishEstop(Estop signal) {
        MqttBus b = bus;
        if (b == null) {
            error("web", "not connected to the robot's broker; E-STOP not sent");
            return;
        }
        try {
            b.publish(Publication.retained(topics.estop(), json.writeValueAsBytes(Envelope.of(topics.robotId(), signal))));
        } catch (BusException | JsonProcessingException e) {
            log.error("web view: e-stop not published", e);
            error("web", "E-STOP could not be published: " + e.getMessage());
        }
    }

    private void changeStyle(JsonNode message) {
        StyleChange change;
        try {
            change = new StyleChange(message.path("tone").asText(null), message.path("detail").asText(null),
                    message.path("speechLevel").asText(null), "web");
        } catch (IllegalArgumentException e) {
            error("web", "style not changed: " + e.getMessage());
            return;
        }
        style.set(change);
        runAction("style change", () -> {
            MqttBus b = bus;
            if (b != null) {
                try {
                    b.publish(Publication.retained(styleTopic(), json.writeValueAsBytes(Envelope.of(topics.robotId(), change))));
                } catch (BusException | JsonProcessingException e) {
                    log.warn("web view: style not published", e);
                    error("web", "style not published: " + e.getMessage());
                    return;
                }
            }
            note("style", Map.of("tone", change.tone(), "detail", change.detail(), "speechLevel", change.speechLevel(), "source", "web"));
        });
    }

    /** Where a style change is published, retained: {@code robot/{id}/style}. */
    public Topic styleTopic() {
        return new Topic("robot/" + topics.robotId() + "/style");
    }

    /** A push-to-talk recording ended: through the speech pipeline into the runtime. */
    void onVoice(byte[] pcm16le, boolean truncated) {
        RecordedAudio recording = RecordedAudio.ofPcm16le(pcm16le, "web push-to-talk");
        String received = String.format(Locale.ROOT, " (received %.1f s of audio)", recording.seconds());
        Optional<String> unavailable = voice.unavailableReason();
        if (unavailable.isPresent()) {
            error("speech", unavailable.get() + received);
            return;
        }
        if (recording.seconds() < 0.1) {
            error("speech", "push-to-talk too short: hold the button while you speak" + received);
            return;
        }
        RobotRuntime r = runtime;
        if (r == null) {
            error("speech", "this is `robot sim`: there is no brain to answer" + received);
            return;
        }
        if (truncated) {
            note("notice", Map.of("source", "speech", "message", "recording cut at " + MAX_AUDIO_BYTES / 32_000 + " s"));
        }
        runAction("voice", () -> {
            try {
                voice.hear(r, events, recording, "web");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private void runAction(String what, Runnable action) {
        try {
            worker.execute(() -> {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    log.error("web view: {} failed", what, e);
                    error("web", what + " failed: " + e);
                }
            });
        } catch (RejectedExecutionException closing) {
            log.debug("web view closing; {} ignored", what);
        }
    }

    boolean sameOrigin(String origin) {
        int port = url.getPort();
        return origin.equals("http://127.0.0.1:" + port) || origin.equals("http://localhost:" + port)
                || origin.equals("http://[::1]:" + port);
    }

    ObjectMapper json() {
        return json;
    }

    /** Pages connected now. */
    public int pageCount() {
        return pages.size();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        ticker.shutdownNow();
        worker.shutdown();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.shutdownNow();
        for (PageSocket page : List.copyOf(pages)) {
            page.close();
        }
        sender.shutdown();
        try {
            sender.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            server.stop();
        } catch (Exception e) {
            log.warn("web view did not stop cleanly", e);
        }
        MqttBus b = bus;
        if (b != null) {
            b.close();
        }
    }
}
