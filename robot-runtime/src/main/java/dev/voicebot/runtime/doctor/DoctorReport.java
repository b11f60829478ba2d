package dev.voicebot.runtime.doctor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;

/** Every finding of one {@code robot doctor} run, as a table for people or JSON for scripts. */
public record DoctorReport(List<Finding> findings) {
    public DoctorReport {
        findings = List.copyOf(findings);
    }

    public boolean failed() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.FAIL);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** A table: check, status, what was found, and below it what to do. */
    public String table() {
        int width = Math.max(5, findings.stream().mapToInt(f -> f.check().length()).max().orElse(5));
        String format = "%-" + width + "s  %-6s %s%n";
        StringBuilder sb = new StringBuilder(String.format(format, "CHECK", "STATUS", "DETAILS"));
        String indent = " ".repeat(width + 9);
        for (Finding f : findings) {
            sb.append(String.format(format, f.check(), f.severity(), f.detail()));
            if (!f.advice().isBlank()) {
                sb.append(indent).append("-> ").append(f.advice()).append(System.lineSeparator());
            }
        }
        sb.append(System.lineSeparator()).append(count(Severity.OK)).append(" ok, ").append(count(Severity.WARN)).append(" warning(s), ")
                .append(count(Severity.FAIL)).append(" failure(s)").append(System.lineSeparator());
        return sb.toString();
    }

    /** {@code {"ok": bool, "checks": [{"check","status","detail","advice"}]}}. */
    public String json() {
        ObjectMapper mapper = new ObjectMapper();
        var root = mapper.createObjectNode();
        root.put("ok", !failed());
        ArrayNode checks = root.putArray("checks");
        for (Finding f : findings) {
            checks.addObject().put("check", f.check()).put("status", f.severity().name()).put("detail", f.detail()).put("advice", f.advice());
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("doctor report not serialisable", e);
        }
    }
}
