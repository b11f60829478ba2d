package dev.voicebot.runtime.doctor;

import static dev.voicebot.config.Checks.ensureNotBlank;
import static dev.voicebot.config.Checks.ensureNotNull;

/** The outcome of one check: what was looked at, how it came out, what was found, and what to do (empty when nothing). */
public record Finding(String check, Severity severity, String detail, String advice) {
    public Finding {
        ensureNotBlank(check, "check");
        ensureNotNull(severity, "severity");
        ensureNotNull(detail, "detail");
        advice = advice == null ? "" : advice;
    }

    public static Finding ok(String check, String detail) {
        return new Finding(check, Severity.OK, detail, "");
    }

    public static Finding warn(String check, String detail, String advice) {
        return new Finding(check, Severity.WARN, detail, advice);
    }

    public static Finding fail(String check, String detail, String advice) {
        return new Finding(check, Severity.FAIL, detail, advice);
    }
}
