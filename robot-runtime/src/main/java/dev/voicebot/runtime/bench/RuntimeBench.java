package dev.voicebot.runtime.bench;

import dev.voicebot.actuators.broker.EmbeddedBroker;
import dev.voicebot.actuators.bus.BusMessage;
import dev.voicebot.actuators.bus.BusOptions;
import dev.voicebot.actuators.bus.MqttBus;
import dev.voicebot.actuators.bus.Publication;
import dev.voicebot.actuators.bus.QoS;
import dev.voicebot.actuators.bus.RobotTopics;
import dev.voicebot.actuators.bus.Topic;
import dev.voicebot.actuators.bus.TopicFilter;
import dev.voicebot.actuators.command.CommandPublisher;
import dev.voicebot.actuators.intent.Look;
import dev.voicebot.brain.fastpath.FastPathGrammar;
import dev.voicebot.config.RobotConfig;
import dev.voicebot.runtime.RobotRuntime;
import dev.voicebot.runtime.events.EventSink;
import dev.voicebot.sim.Simulator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The runtime's own costs, measured on this machine: fast-path parsing, MQTT round trips, the
 * overhead from end of speech to a command on the bus, stop latency, start-up and memory over a soak.
 * Each method returns rows for the table that {@code robot bench} prints.
 */
public final class RuntimeBench {
    private final RobotConfig config;
    private final Consumer<String> progress;
    private final double scale;

    /** {@code scale} 1.0 is the full run; smaller values shorten every loop (for a quick look). */
    public RuntimeBench(RobotConfig config, double scale, Consumer<String> progress) {
        this.config = config;
        this.scale = scale;
        this.progress = progress;
    }

    private int n(int full) {
        return Math.max(10, (int) (full * scale));
    }

    static final List<String> ENGLISH = List.of(
            "move forward one meter", "turn left", "stop", "move back two point five meters slowly",
            "turn right 45 degrees and then move forward 2 meters", "please wave", "look up", "sit down",
            "I'm moving to Seoul next year", "what's the weather like");
    static final List<String> KOREAN = List.of(
            "앞으로 1미터 가줘", "왼쪽으로 돌아", "멈춰", "뒤로 이 미터 가세요", "오른쪽으로 90도 돌고 앞으로 가",
            "손 흔들어", "위를 봐", "앉아", "그 영화 정말 감동적이었어", "내일 날씨 어때");

    public List<BenchRow> parse() {
        FastPathGrammar grammar = new FastPathGrammar(config.motion());
        List<BenchRow> rows = new ArrayList<>();
        for (var lang : List.of(List.of("en", ENGLISH), List.of("ko", KOREAN))) {
            @SuppressWarnings("unchecked")
            List<String> corpus = (List<String>) lang.get(1);
            for (int i = 0; i < n(20_000); i++) {
                grammar.parse(corpus.get(i % corpus.size()));
            }
            int count = n(100_000);
            long[] samples = new long[count];
            for (int i = 0; i < count; i++) {
                String text = corpus.get(i % corpus.size());
                long t = System.nanoTime();
                grammar.parse(text);
                samples[i] = System.nanoTime() - t;
            }
            Percentiles p = new Percentiles(samples, count);
            rows.add(new BenchRow("fast-path parse, " + lang.get(0) + " (p50 / p99)", p.us(0.5) + " / " + p.us(0.99), "—", "—",
                    count + " parses of " + corpus.size() + " utterances"));
        }
        return rows;
    }

    /** Command to the simulator and its acknowledgement, and sustained QoS 1 messages per second. */
    public List<BenchRow> mqtt(String label, String brokerUri) throws Exception {
        List<BenchRow> rows = new ArrayList<>();
        RobotTopics topics = new RobotTopics("bench");
        try (Simulator sim = Simulator.start(config.sim(), topics, brokerUri);
             MqttBus bus = MqttBus.connect(BusOptions.of(brokerUri, "bench-rt-" + System.nanoTime()))) {
            AtomicReference<CompletableFuture<Long>> waiting = new AtomicReference<>();
            CommandPublisher commands = new CommandPublisher(bus, topics, Duration.ofSeconds(5), ack -> {
                CompletableFuture<Long> f = waiting.get();
                if (f != null) {
                    f.complete(System.nanoTime());
                }
            }).start();
            int count = n(2_000);
            long[] samples = new long[count];
            for (int i = -n(200); i < count; i++) {
                CompletableFuture<Long> f = new CompletableFuture<>();
                waiting.set(f);
                long t = System.nanoTime();
                commands.publish(new Look(i % 2 == 0 ? 10 : -10, 0));
                long done = f.get(5, TimeUnit.SECONDS);
                if (i >= 0) {
                    samples[i] = done - t;
                }
            }
            Percentiles p = new Percentiles(samples, count);
            rows.add(new BenchRow("command → simulator ack round trip, " + label + " (p50 / p99)", p.ms(0.5) + " / " + p.ms(0.99),
                    "p99 < 2 ms", p.p(0.99) < 2e6 ? "met" : "missed by " + String.format(Locale.ROOT, "%.2f ms", (p.p(0.99) - 2e6) / 1e6),
                    count + " look commands, QoS 1"));
        }
        try (MqttBus pub = MqttBus.connect(BusOptions.of(brokerUri, "bench-pub-" + System.nanoTime()));
             MqttBus sub = MqttBus.connect(BusOptions.of(brokerUri, "bench-sub-" + System.nanoTime()))) {
            Topic topic = new Topic("bench/throughput");
            AtomicLong received = new AtomicLong();
            sub.subscribe(TopicFilter.of(topic), QoS.AT_LEAST_ONCE, m -> received.incrementAndGet());
            byte[] payload = "{\"schemaVersion\":1,\"msgId\":\"x\",\"ts\":0,\"robotId\":\"bench\",\"payload\":{}}".getBytes();
            long end = System.nanoTime() + (long) (Math.max(1, 5 * scale) * 1e9);
            long start = System.nanoTime();
            long sent = 0;
            while (System.nanoTime() < end) {
                pub.publish(Publication.event(topic, payload));
                sent++;
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (received.get() < sent && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            rows.add(new BenchRow("sustained QoS 1 messages/s, " + label, String.format(Locale.ROOT, "%.0f msg/s", received.get() / seconds),
                    "—", received.get() == sent ? "all delivered" : (sent - received.get()) + " lost",
                    sent + " messages, one publisher waiting for each PUBACK, one subscriber"));
        }
        return rows;
    }

    /** From text in (end of speech, after ASR) to the command seen by another client on the broker. */
    public List<BenchRow> overheadAndStop() throws Exception {
        List<BenchRow> rows = new ArrayList<>();
        try (RobotRuntime runtime = RobotRuntime.start(config, EventSink.none());
             MqttBus watcher = MqttBus.connect(BusOptions.of(runtime.brokerUri(), "bench-watch-" + System.nanoTime()))) {
            AtomicReference<CompletableFuture<Long>> onCommand = new AtomicReference<>();
            AtomicReference<CompletableFuture<Long>> onHalt = new AtomicReference<>();
            watcher.subscribe(TopicFilter.of(runtime.topics().command()), QoS.AT_LEAST_ONCE, m -> complete(onCommand));
            watcher.subscribe(TopicFilter.of(runtime.topics().state()), QoS.AT_MOST_ONCE, m -> {
                if (isHalted(m)) {
                    complete(onHalt);
                }
            });
            int count = n(2_000);
            long[] samples = new long[count];
            for (int i = -n(200); i < count; i++) {
                CompletableFuture<Long> f = new CompletableFuture<>();
                onCommand.set(f);
                long t = System.nanoTime();
                runtime.handleText(i % 2 == 0 ? "look left" : "look right", "en", "bench");
                long seen = f.get(5, TimeUnit.SECONDS);
                if (i >= 0) {
                    samples[i] = seen - t;
                }
            }
            Percentiles p = new Percentiles(samples, count);
            rows.add(new BenchRow("runtime overhead, end of speech → command on the bus (p50 / p99)", p.ms(0.5) + " / " + p.ms(0.99),
                    "p99 < 5 ms", p.p(0.99) < 5e6 ? "met" : "missed by " + String.format(Locale.ROOT, "%.2f ms", (p.p(0.99) - 5e6) / 1e6),
                    count + " typed utterances through fast path, excluding ASR/LLM compute"));

            int stops = n(50);
            long[] stopSamples = new long[stops];
            for (int i = 0; i < stops; i++) {
                runtime.handleText("move forward three meters", "en", "bench");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (runtime.lastState().map(s -> Math.abs(s.speedMps()) < 1e-9).orElse(true) && System.nanoTime() < deadline) {
                    Thread.sleep(2);
                }
                Thread.sleep(50);
                CompletableFuture<Long> halted = new CompletableFuture<>();
                onHalt.set(halted);
                long t = System.nanoTime();
                runtime.handleText("stop", "en", "bench");
                stopSamples[i] = halted.get(5, TimeUnit.SECONDS) - t;
                runtime.handleText("move back three meters", "en", "bench");
                Thread.sleep(20);
                runtime.handleText("stop", "en", "bench");
                runtime.awaitIdle(Duration.ofSeconds(5));
            }
            Percentiles sp = new Percentiles(stopSamples, stops);
            rows.add(new BenchRow("stop latency, end of \"stop\" text → simulated robot halted (p50 / p99)", sp.ms(0.5) + " / " + sp.ms(0.99),
                    "p99 < 300 ms", sp.p(0.99) < 300e6 ? "met" : "missed",
                    stops + " stops of a moving robot; add ASR/keyword time for spoken stop"));
        }
        return rows;
    }

    private static boolean isHalted(BusMessage m) {
        String text = m.text();
        return text.contains("\"speedMps\":0.0") && !text.contains("\"activity\":\"moving\"");
    }

    private static void complete(AtomicReference<CompletableFuture<Long>> ref) {
        long now = System.nanoTime();
        CompletableFuture<Long> f = ref.getAndSet(null);
        if (f != null) {
            f.complete(now);
        }
    }

    public List<BenchRow> startup() throws Exception {
        int runs = Math.max(3, (int) (5 * scale));
        long[] samples = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            try (RobotRuntime runtime = RobotRuntime.start(config, EventSink.none())) {
                samples[i] = System.nanoTime() - t;
            }
        }
        Percentiles p = new Percentiles(samples, runs);
        return List.of(new BenchRow("start-up to ready, embedded broker + simulator, no models (median)", p.ms(0.5), "—", "—",
                runs + " starts in one JVM (the first includes class loading)"));
    }

    /** Heap after GC and resident size before and after many utterances through the loop. */
    public List<BenchRow> soak() throws Exception {
        List<BenchRow> rows = new ArrayList<>();
        try (RobotRuntime runtime = RobotRuntime.start(config, EventSink.none())) {
            List<String> mix = List.of("look left", "look right", "hello robot, how are you", "왼쪽 봐", "안녕 로봇", "look straight ahead");
            int total = n(10_000);
            int warm = Math.min(1_000, total / 10);
            for (int i = 0; i < warm; i++) {
                runtime.handleText(mix.get(i % mix.size()), null, "bench");
            }
            runtime.awaitIdle(Duration.ofSeconds(30));
            long heap0 = heapAfterGc();
            long rss0 = rss();
            for (int i = warm; i < total; i++) {
                runtime.handleText(mix.get(i % mix.size()), null, "bench");
                if (i % 1000 == 0) {
                    progress.accept("soak: " + i + " utterances");
                }
            }
            runtime.awaitIdle(Duration.ofSeconds(30));
            long heap1 = heapAfterGc();
            long rss1 = rss();
            rows.add(new BenchRow("heap after GC, after " + warm + " → after " + total + " utterances",
                    mb(heap0) + " → " + mb(heap1), "no growth", Math.abs(heap1 - heap0) < 8L << 20 ? "met (within 8 MB)" : "grew",
                    "typed utterances through fast path and bus, no models"));
            rows.add(new BenchRow("resident set size, after " + warm + " → after " + total + " utterances",
                    mb(rss0) + " → " + mb(rss1), "no growth", rss1 - rss0 < 16L << 20 ? "met (within 16 MB)" : "grew",
                    "VmRSS from /proc/self/status"));
        }
        return rows;
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Runs the MQTT rows against a fresh embedded broker. */
    public List<BenchRow> mqttEmbedded() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", 0)) {
            return mqtt("embedded HiveMQ", broker.uri());
        }
    }

    /** Runs the MQTT rows against Debian's Mosquitto, if installed. */
    public List<BenchRow> mqttMosquitto() throws Exception {
        var binary = MosquittoProcess.binary();
        if (binary.isEmpty()) {
            return List.of(new BenchRow("MQTT with Mosquitto", "not measured", "—", "—", "mosquitto is not installed (apt-get install mosquitto)"));
        }
        try (MosquittoProcess mosquitto = MosquittoProcess.start(binary.get())) {
            return mqtt("Mosquitto " + binary.get(), mosquitto.uri());
        }
    }

    /**
     * The audio front end on one thread: 48 kHz input resampled to 16 kHz, then features (energy, MFCC,
     * YIN pitch) and endpointing, as a multiple of real time. The signal alternates noise and voiced tones.
     */
    public List<BenchRow> frontEnd() {
        int seconds = Math.max(10, (int) (120 * scale));
        int rate = 48_000;
        float[] input = new float[seconds * rate];
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < input.length; i++) {
            double t = (double) i / rate;
            boolean voiced = ((int) t) % 3 == 1;
            double tone = voiced ? 0.3 * Math.sin(2 * Math.PI * 150 * t) + 0.15 * Math.sin(2 * Math.PI * 450 * t) : 0;
            input[i] = (float) (tone + 0.01 * random.nextGaussian());
        }
        int chunk = rate / 50;
        double best = Double.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            dev.voicebot.speech.audio.Resampler resampler = dev.voicebot.speech.audio.Resampler.to16k(rate);
            dev.voicebot.speech.vad.SpeechPipeline pipeline = new dev.voicebot.speech.vad.SpeechPipeline(
                    dev.voicebot.speech.vad.EndpointerSettings.from(config.speech()));
            long t = System.nanoTime();
            for (int off = 0; off < input.length; off += chunk) {
                float[] out = resampler.process(input, off, Math.min(chunk, input.length - off));
                pipeline.accept(out);
            }
            pipeline.accept(resampler.flush());
            pipeline.finish();
            best = Math.min(best, (System.nanoTime() - t) / 1e9);
        }
        double factor = seconds / best;
        return List.of(new BenchRow("audio front end (48 kHz → 16 kHz resampling, features, endpointing), one thread",
                String.format(Locale.ROOT, "%.0f× real time", factor), "≥ 1000× real time per core",
                factor >= 1000 ? "met" : String.format(Locale.ROOT, "missed (%.0f%% of target)", factor / 10),
                seconds + " s of audio, best of 3 runs"));
    }
}
