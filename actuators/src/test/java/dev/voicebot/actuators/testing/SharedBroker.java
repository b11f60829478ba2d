package dev.voicebot.actuators.testing;

import dev.voicebot.actuators.broker.BrokerStartException;
import dev.voicebot.actuators.broker.EmbeddedBroker;

/**
 * One embedded broker for every test class of a test JVM that does not need its own (starting HiveMQ
 * takes seconds); tests isolate themselves by robot id. Closed when the JVM exits.
 */
public final class SharedBroker {
    private static EmbeddedBroker broker;

    private SharedBroker() {
    }

    public static synchronized EmbeddedBroker get() throws BrokerStartException {
        if (broker == null) {
            broker = EmbeddedBroker.start("127.0.0.1", 0);
            EmbeddedBroker b = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(b::close, "shared-broker-stop"));
        }
        return broker;
    }
}
