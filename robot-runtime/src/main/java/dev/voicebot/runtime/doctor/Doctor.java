package dev.voicebot.runtime.doctor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs named checks one after the other; a check that throws becomes a failure, never a crash. */
public final class Doctor {
    private static final Logger log = LoggerFactory.getLogger(Doctor.class);

    private final Map<String, Check> checks = new LinkedHashMap<>();

    public Doctor add(String name, Check check) {
        checks.put(name, check);
        return this;
    }

    public DoctorReport run() {
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, Check> c : checks.entrySet()) {
            try {
                findings.addAll(c.getValue().run());
            } catch (Exception | LinkageError e) {
                log.debug("check {} failed", c.getKey(), e);
                findings.add(Finding.fail(c.getKey(), "the check itself failed: " + e, "report this with the output of robot doctor"));
            }
        }
        return new DoctorReport(findings);
    }
}
