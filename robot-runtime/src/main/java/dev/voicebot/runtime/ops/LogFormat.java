package dev.voicebot.runtime.ops;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import java.util.Iterator;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * Switches the runtime's log output (stderr) between human-readable lines ({@code text}, the default
 * of logback.xml) and one JSON object per line ({@code json}, Logback's own JsonEncoder) for log
 * collectors such as journald exporters, Loki or Elasticsearch.
 */
public final class LogFormat {
    public static final String TEXT = "text";
    public static final String JSON = "json";

    private LogFormat() {
    }

    /** Applies {@code format} ({@code text} or {@code json}) to every console appender of the root logger. */
    public static void apply(String format) {
        String f = format == null ? TEXT : format.toLowerCase(Locale.ROOT);
        if (!f.equals(TEXT) && !f.equals(JSON)) {
            throw new IllegalArgumentException("unknown log format '" + format + "'; use text or json");
        }
        if (f.equals(TEXT) || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof OutputStreamAppender<ILoggingEvent> appender && !(appender.getEncoder() instanceof JsonEncoder)) {
                JsonEncoder encoder = new JsonEncoder();
                encoder.setContext(context);
                encoder.start();
                appender.stop();
                appender.setEncoder(encoder);
                appender.start();
            }
        }
    }
}
