package dev.voicebot.runtime.cli;

import dev.voicebot.runtime.events.EventSink;
import dev.voicebot.runtime.events.RuntimeEvent;
import java.io.PrintStream;
import java.util.Locale;

/** Short human-readable lines for {@code robot run} without {@code --json}. */
final class HumanSink implements EventSink {
    private final PrintStream out;

    HumanSink(PrintStream out) {
        this.out = out;
    }

    @Override
    public void emit(RuntimeEvent event) {
        String line;
        if (event instanceof RuntimeEvent.Ready r) {
            line = "ready: robot '" + r.robotId() + "' on " + r.brokerUri() + (r.embeddedBroker() ? " (embedded broker)" : "")
                    + (r.simulator() ? ", simulator running" : "") + ". Type a command, e.g. \"move forward one meter\"."
                    + (r.webUrl() != null ? " Live view: " + r.webUrl() : "");
        } else if (event instanceof RuntimeEvent.Intents i) {
            line = "understood (" + i.path() + "): " + (i.intents().isEmpty() ? "no command" : i.intents());
        } else if (event instanceof RuntimeEvent.Reply r) {
            line = "robot says: " + r.text();
        } else if (event instanceof RuntimeEvent.StateChanged s) {
            line = String.format(Locale.ROOT, "robot %s at x=%.2f y=%.2f heading=%.1f°", s.activity(), s.x(), s.y(), s.headingDeg());
        } else if (event instanceof RuntimeEvent.Safety s) {
            line = "safety: " + s.decision() + (s.reason() == null ? "" : " - " + s.reason())
                    + (s.adjusted() != null ? " (now " + s.adjusted() + ")" : "");
        } else if (event instanceof RuntimeEvent.Error e) {
            line = "error (" + e.source() + "): " + e.message();
        } else {
            return;
        }
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
