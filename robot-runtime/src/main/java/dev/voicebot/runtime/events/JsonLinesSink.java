package dev.voicebot.runtime.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voicebot.actuators.wire.WireJson;
import java.io.PrintStream;

/** Prints each event as one JSON object on one line, flushed at once. */
public final class JsonLinesSink implements EventSink {
    private final PrintStream out;
    private final ObjectMapper json = WireJson.newMapper();

    public JsonLinesSink(PrintStream out) {
        this.out = out;
    }

    @Override
    public void emit(RuntimeEvent event) {
        String line;
        try {
            line = json.writerFor(RuntimeEvent.class).writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serialisable: " + event, e);
        }
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
