package dev.voicebot.runtime.audit;

import dev.voicebot.runtime.privacy.FileRetention;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Child process for {@link JsonLinesLogCrashTest}: appends numbered records of varying size to a
 * {@link JsonLinesLog} in {@code args[0]} as fast as it can, forever, printing {@code writing} once the
 * first records are out. The test kills it with {@code destroyForcibly()}.
 */
public final class AuditWriterProcess {
    private AuditWriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        JsonLinesLog log = new JsonLinesLog(dir, "audit", 256 * 1024, new FileRetention(Duration.ofDays(30), 1L << 40), Clock.systemUTC());
        String filler = "가나다 abc \"quoted\" \\ ".repeat(4000);
        for (long seq = 0; ; seq++) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("seq", seq);
            record.put("text", filler.substring(0, (int) (seq * 7919 % filler.length())));
            log.append(record);
            if (seq == 200) {
                System.out.println("writing");
                System.out.flush();
            }
        }
    }
}
