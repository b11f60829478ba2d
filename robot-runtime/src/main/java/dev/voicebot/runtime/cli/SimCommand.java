package dev.voicebot.runtime.cli;

import dev.voicebot.actuators.broker.BrokerStartException;
import dev.voicebot.actuators.broker.EmbeddedBroker;
import dev.voicebot.actuators.bus.BusException;
import dev.voicebot.actuators.bus.ConfiguredBus;
import dev.voicebot.actuators.bus.RobotTopics;
import dev.voicebot.config.Durations;
import dev.voicebot.config.RobotConfig;
import dev.voicebot.runtime.StartupException;
import dev.voicebot.runtime.events.EventSink;
import dev.voicebot.runtime.events.JsonLinesSink;
import dev.voicebot.runtime.events.RuntimeEvent;
import dev.voicebot.runtime.web.VoiceInput;
import dev.voicebot.runtime.web.WebView;
import dev.voicebot.sim.Simulator;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code robot sim}: the simulated robot alone, as a motor controller on the broker (embedded unless
 * {@code mqtt.url}), with the live web view, so that another runtime (or a real robot's software) can
 * drive it. Runs until interrupted, or for {@code --for} a while.
 */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = "Run the simulated robot alone (embedded broker unless mqtt.url) with its live web view, until interrupted.")
public final class SimCommand implements Callable<Integer> {
    @ParentCommand
    RobotCommand root;

    @Option(names = "--json", description = "Print events as JSON lines on stdout.")
    boolean json;

    @Option(names = "--for", paramLabel = "DURATION", description = "Stop after this long (e.g. 30s, 5m); default: run until interrupted.")
    String runFor;

    @Override
    public Integer call() throws StartupException, InterruptedException {
        Duration limit = null;
        if (runFor != null) {
            try {
                limit = Durations.parse(runFor);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--for: " + e.getMessage(), e);
            }
        }
        RobotConfig config = root.loadConfig();
        EventSink sink = json ? new JsonLinesSink(root.context.out()) : new HumanSink(root.context.out());
        RobotTopics topics = new RobotTopics(config.robot().id());
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        CountDownLatch done = new CountDownLatch(1);
        AtomicBoolean closed = new AtomicBoolean();
        Runnable closeAll = () -> {
            if (closed.compareAndSet(false, true)) {
                synchronized (resources) {
                    while (!resources.isEmpty()) {
                        try {
                            resources.pop().close();
                        } catch (Exception e) {
                            org.slf4j.LoggerFactory.getLogger(SimCommand.class).warn("closing failed", e);
                        }
                    }
                }
            }
        };
        // on Ctrl-C the JVM ends once the hooks are done: the hook itself stops the simulator and broker
        Thread hook = new Thread(() -> {
            done.countDown();
            closeAll.run();
        }, "robot-sim-shutdown");
        try {
            String uri;
            boolean embedded = config.mqtt().externalUrl().isEmpty();
            if (embedded) {
                EmbeddedBroker broker = EmbeddedBroker.start(config.mqtt().embedded().host(), config.mqtt().embedded().port());
                resources.push(broker);
                uri = broker.uri();
            } else {
                uri = ConfiguredBus.pahoUri(config.mqtt().externalUrl().get());
            }
            resources.push(Simulator.start(config.sim(), topics, uri));
            String webUrl = null;
            if (config.web().enabled()) {
                WebView web = WebView.start(config, VoiceInput.notConfigured("robot sim is the simulator alone: there is no speech recognition or brain; use robot run"));
                resources.push(web);
                web.attachBroker(uri);
                sink = web.wrap(sink);
                webUrl = web.url().toString();
            }
            sink.emit(new RuntimeEvent.Ready(topics.robotId(), uri, embedded, true).withWebUrl(webUrl));
            Runtime.getRuntime().addShutdownHook(hook);
            if (limit == null) {
                done.await();
            } else {
                done.await(limit.toMillis(), TimeUnit.MILLISECONDS);
            }
            sink.emit(new RuntimeEvent.Stopped(limit == null ? "interrupted" : "ran for " + Durations.format(limit)));
            return Cli.OK;
        } catch (BrokerStartException | BusException e) {
            throw new StartupException(e.getMessage(), e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException | IllegalArgumentException shuttingDownOrNotAdded) {
                // nothing to remove
            }
            closeAll.run();
        }
    }
}
