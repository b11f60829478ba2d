package dev.voicebot.brain.safety;

import static dev.voicebot.config.Checks.ensureNotNull;
import static dev.voicebot.config.Checks.ensureRange;

import java.util.Optional;

/**
 * One harmful expression found in a text, after context was weighed: its category, how severe
 * (0 to 1), the rule that matched, and the softer wording a rewrite may use (empty: delete it;
 * absent: it cannot be softened).
 */
public record Finding(Category category, double severity, String rule, String matched, Optional<String> softer) {
    public Finding {
        ensureNotNull(category, "category");
        ensureRange(severity, 0.0, 1.0, "severity");
        ensureNotNull(rule, "rule");
        ensureNotNull(matched, "matched");
        ensureNotNull(softer, "softer");
    }
}
