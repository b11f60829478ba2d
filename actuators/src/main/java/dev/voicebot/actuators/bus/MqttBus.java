package dev.voicebot.actuators.bus;

import static dev.voicebot.config.Checks.ensureNotNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT 5 connection (Eclipse Paho), with in-memory persistence and automatic reconnect.
 *
 * <p>Threading: Paho's callback thread only copies each message into a bounded queue (never blocks,
 * never throws); one dispatcher thread per bus hands messages to the subscribers in arrival order.
 * A subscriber that throws is logged and does not stop the others. Subscriptions are renewed after
 * every reconnect.
 */
public final class MqttBus implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MqttBus.class);
    private static final BusMessage POISON = new BusMessage("", new byte[0], false, Optional.empty(), Optional.empty());

    private final BusOptions options;
    private final MqttAsyncClient client;
    private final BlockingQueue<BusMessage> inbound;
    private final Map<TopicFilter, SubscriptionSpec> subscriptions = new ConcurrentHashMap<>();
    private final List<Handler> handlers = new CopyOnWriteArrayList<>();
    private final List<Consumer<Boolean>> connectionListeners = new CopyOnWriteArrayList<>();
    private final Thread dispatcher;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();

    private record Handler(TopicFilter filter, Consumer<BusMessage> consumer) {
    }

    private record SubscriptionSpec(QoS qos, boolean noLocal) {
        MqttSubscription toPaho(TopicFilter filter) {
            MqttSubscription s = new MqttSubscription(filter.filter(), qos.level());
            s.setNoLocal(noLocal);
            return s;
        }
    }

    private MqttBus(BusOptions options) throws BusException {
        this.options = options;
        this.inbound = new LinkedBlockingQueue<>(options.inboundCapacity());
        try {
            this.client = new MqttAsyncClient(options.serverUri(), options.clientId(), new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new BusException("cannot create an MQTT client for " + options.serverUri() + ": " + e, e);
        }
        client.setCallback(new Callback());
        this.dispatcher = new Thread(this::dispatch, "mqtt-dispatch-" + options.clientId());
        this.dispatcher.setDaemon(true);
    }

    /** Connects and waits up to the connect timeout; the bus then reconnects by itself. */
    public static MqttBus connect(BusOptions options) throws BusException {
        MqttBus bus = new MqttBus(ensureNotNull(options, "options"));
        bus.dispatcher.start();
        try {
            IMqttToken token = bus.client.connect(bus.connectionOptions());
            token.waitForCompletion(options.connectTimeout().toMillis());
            if (!bus.client.isConnected()) {
                throw new BusException("no answer from MQTT broker " + options.serverUri() + " within " + options.connectTimeout().toMillis() + " ms");
            }
            log.info("MQTT client {} connected to {}", options.clientId(), options.serverUri());
            return bus;
        } catch (MqttException e) {
            bus.close();
            throw new BusException("cannot connect to MQTT broker " + options.serverUri() + " as " + options.clientId()
                    + ": " + describe(e), e);
        } catch (BusException e) {
            bus.close();
            throw e;
        }
    }

    private MqttConnectionOptions connectionOptions() {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(options.sessionExpiry().isZero());
        o.setSessionExpiryInterval(options.sessionExpiry().toSeconds());
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay(1, (int) Math.max(1, options.reconnectMaxDelay().toSeconds()));
        o.setHttpsHostnameVerificationEnabled(options.verifyHostname());
        o.setKeepAliveInterval((int) Math.max(1, options.keepAlive().toSeconds()));
        o.setConnectionTimeout((int) Math.max(1, options.connectTimeout().toSeconds()));
        options.username().ifPresent(o::setUserName);
        options.password().ifPresent(p -> o.setPassword(new String(p).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        boolean tls = options.serverUri().startsWith("ssl://") || options.serverUri().startsWith("wss://");
        javax.net.SocketFactory sockets = options.socketFactory()
                .orElseGet(() -> tls ? javax.net.ssl.SSLSocketFactory.getDefault() : javax.net.SocketFactory.getDefault());
        if (options.serverUri().startsWith("tcp://") || options.serverUri().startsWith("ssl://")) {
            o.setSocketFactory(NoDelaySockets.wrap(sockets));
        } else {
            options.socketFactory().ifPresent(o::setSocketFactory);
        }
        options.will().ifPresent(w -> o.setWill(w.topic().name(), toMessage(w)));
        return o;
    }

    static String describe(MqttException e) {
        String reason = switch (e.getReasonCode()) {
            case 4, 134 -> "bad user name or password";
            case 5, 135 -> "not authorised";
            case 32103 -> "connection refused (is the broker running on that address and port?)";
            case 32000 -> "timed out waiting for the broker";
            default -> e.getMessage();
        };
        return reason + " (MQTT reason code " + e.getReasonCode() + (e.getCause() != null ? ", cause: " + e.getCause() : "") + ")";
    }

    /** Publishes and waits until the broker has it (QoS 1/2) or it is written (QoS 0). */
    public void publish(Publication p) throws BusException {
        if (closed.get()) {
            throw new BusException("bus " + options.clientId() + " is closed; cannot publish on " + p.topic());
        }
        if (!client.isConnected()) {
            throw new BusException("not connected to " + options.serverUri() + "; message on " + p.topic() + " not sent");
        }
        try {
            IMqttToken token = publishWhenWindowFree(p);
            token.waitForCompletion(options.connectTimeout().toMillis());
            if (token.getException() != null) {
                throw token.getException();
            }
            int[] codes = token.getReasonCodes();
            if (codes != null) {
                for (int code : codes) {
                    if (code >= 0x80) {
                        throw new BusException("broker refused the message on " + p.topic() + " (MQTT reason code " + code
                                + (code == 135 ? ": not authorised" : "") + ")");
                    }
                }
            }
        } catch (MqttException e) {
            throw new BusException("cannot publish on " + p.topic() + ": " + describe(e), e);
        }
    }

    /**
     * Paho counts a QoS 1 message as in flight until shortly after its token completes, so back-to-back
     * publishes can find the broker's receive window (HiveMQ: 10) momentarily full: code 32202. That is
     * transient; wait for the window briefly instead of failing the publish.
     */
    private IMqttToken publishWhenWindowFree(Publication p) throws MqttException {
        long deadline = System.nanoTime() + options.connectTimeout().toNanos();
        while (true) {
            try {
                return client.publish(p.topic().name(), toMessage(p));
            } catch (MqttException e) {
                if (e.getReasonCode() != org.eclipse.paho.mqttv5.client.MqttClientException.REASON_CODE_MAX_INFLIGHT || System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static MqttMessage toMessage(Publication p) {
        MqttMessage m = new MqttMessage(p.payload());
        m.setQos(p.qos().level());
        m.setRetained(p.retained());
        MqttProperties props = new MqttProperties();
        props.setPayloadFormat(true);
        props.setContentType("application/json");
        p.expiry().ifPresent(e -> props.setMessageExpiryInterval(Math.max(1, (e.toMillis() + 999) / 1000)));
        p.responseTopic().ifPresent(t -> props.setResponseTopic(t.name()));
        p.correlationData().ifPresent(props::setCorrelationData);
        m.setProperties(props);
        return m;
    }

    /**
     * Subscribes {@code consumer} to {@code filter}; it runs on this bus's dispatcher thread. Returns once the
     * broker granted the subscription.
     */
    public void subscribe(TopicFilter filter, QoS qos, Consumer<BusMessage> consumer) throws BusException {
        subscribe(filter, qos, false, consumer);
    }

    /**
     * As {@link #subscribe(TopicFilter, QoS, Consumer)}; with {@code noLocal} (MQTT 5) the broker does not
     * send back what this same connection publishes on matching topics.
     */
    public void subscribe(TopicFilter filter, QoS qos, boolean noLocal, Consumer<BusMessage> consumer) throws BusException {
        handlers.add(new Handler(filter, consumer));
        SubscriptionSpec spec = new SubscriptionSpec(qos, noLocal);
        subscriptions.put(filter, spec);
        try {
            IMqttToken token = client.subscribe(spec.toPaho(filter));
            token.waitForCompletion(options.connectTimeout().toMillis());
            int[] codes = token.getReasonCodes();
            if (codes != null) {
                for (int code : codes) {
                    if (code >= 0x80) {
                        throw new BusException("broker refused the subscription to " + filter + " (MQTT reason code " + code
                                + (code == 135 ? ": not authorised" : "") + ")");
                    }
                }
            }
        } catch (MqttException e) {
            forget(filter, consumer);
            throw new BusException("cannot subscribe to " + filter + ": " + describe(e), e);
        } catch (BusException e) {
            forget(filter, consumer);
            throw e;
        }
    }

    private void forget(TopicFilter filter, Consumer<BusMessage> consumer) {
        handlers.removeIf(h -> h.filter().equals(filter) && h.consumer() == consumer);
        if (handlers.stream().noneMatch(h -> h.filter().equals(filter))) {
            subscriptions.remove(filter);
        }
    }

    /** Called with true on (re)connect and false on loss of connection, on Paho's thread: keep it short. */
    public void onConnectionChange(Consumer<Boolean> listener) {
        connectionListeners.add(listener);
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    public String clientId() {
        return options.clientId();
    }

    public String serverUri() {
        return options.serverUri();
    }

    /** Messages dropped because the inbound queue was full. */
    public long droppedMessages() {
        return dropped.get();
    }

    public long reconnects() {
        return reconnects.get();
    }

    private void dispatch() {
        while (true) {
            BusMessage m;
            try {
                m = inbound.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (m == POISON) {
                return;
            }
            for (Handler h : handlers) {
                if (h.filter().matches(m.topic())) {
                    try {
                        h.consumer().accept(m);
                    } catch (RuntimeException e) {
                        log.error("subscriber of {} failed on a message on {}", h.filter(), m.topic(), e);
                    }
                }
            }
        }
    }

    /** Closes once: disconnects cleanly (no last will), stops the dispatcher. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (client.isConnected()) {
                client.disconnect(2_000).waitForCompletion(3_000);
            }
        } catch (MqttException e) {
            log.warn("MQTT client {} did not disconnect cleanly", options.clientId(), e);
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            log.warn("MQTT client {} did not close cleanly", options.clientId(), e);
        }
        inbound.clear();
        inbound.offer(POISON);
        try {
            dispatcher.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Callback implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {
            log.warn("MQTT client {} lost its connection to {}: {}", options.clientId(), options.serverUri(), response);
            connectionListeners.forEach(l -> safely(() -> l.accept(false)));
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            log.warn("MQTT client {} error", options.clientId(), exception);
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            MqttProperties props = message.getProperties();
            BusMessage copy = new BusMessage(topic, message.getPayload().clone(), message.isRetained(),
                    Optional.ofNullable(props == null ? null : props.getResponseTopic()),
                    Optional.ofNullable(props == null ? null : props.getCorrelationData()));
            if (!inbound.offer(copy)) {
                long n = dropped.incrementAndGet();
                if (n == 1 || n % 1000 == 0) {
                    log.warn("MQTT client {}: inbound queue full, {} message(s) dropped so far", options.clientId(), n);
                }
            }
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            if (reconnect) {
                reconnects.incrementAndGet();
                log.info("MQTT client {} reconnected to {}", options.clientId(), serverURI);
                Thread resubscribe = new Thread(MqttBus.this::resubscribe, "mqtt-resubscribe-" + options.clientId());
                resubscribe.setDaemon(true);
                resubscribe.start();
            }
            connectionListeners.forEach(l -> safely(() -> l.accept(true)));
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }

        private void safely(Runnable r) {
            try {
                r.run();
            } catch (RuntimeException e) {
                log.error("connection listener failed", e);
            }
        }
    }

    private void resubscribe() {
        for (Map.Entry<TopicFilter, SubscriptionSpec> s : subscriptions.entrySet()) {
            try {
                client.subscribe(s.getValue().toPaho(s.getKey())).waitForCompletion(5_000);
            } catch (MqttException e) {
                log.warn("MQTT client {} could not renew its subscription to {}", options.clientId(), s.getKey(), e);
            }
        }
    }

    /** Waits until the inbound queue is drained (for orderly tests and shutdown). */
    public boolean awaitQuiet(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!inbound.isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }
}
