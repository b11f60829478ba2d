package dev.voicebot.brain.safety;

import static dev.voicebot.config.Checks.ensureNotBlank;
import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.actuators.wire.SafetyEvent;
import java.util.ArrayList;
import java.util.List;

/** Turns a filter verdict into the {@link SafetyEvent} published on {@code robot/{id}/safety/events}. */
public final class SafetyEvents {
    private SafetyEvents() {
    }

    /**
     * @param text     the checked text (redact personal data before, where the privacy settings say so)
     * @param source   who produced the text, for example {@code voice}, {@code cli} or {@code llm}
     */
    public static SafetyEvent of(Verdict verdict, Direction direction, String language, String text, String source) {
        ensureNotNull(verdict, "verdict");
        ensureNotNull(direction, "direction");
        ensureNotBlank(language, "language");
        ensureNotNull(text, "text");
        ensureNotBlank(source, "source");
        SafetyEvent.Decision decision = verdict instanceof Verdict.Allow ? SafetyEvent.Decision.ALLOWED
                : verdict instanceof Verdict.Rewrite ? SafetyEvent.Decision.REWRITTEN : SafetyEvent.Decision.BLOCKED;
        List<String> categories = new ArrayList<>();
        verdict.categories().forEach(c -> categories.add(c.wire()));
        List<String> reasons = categories.isEmpty() ? List.of() : List.of("found: " + String.join(", ", categories));
        String code = verdict.allowed() ? null : "words-" + verdict.wire();
        SafetyEvent.Words words = new SafetyEvent.Words(direction.wire(), language, categories, verdict.score(), text,
                verdict.replacement().orElse(null));
        return new SafetyEvent(decision, code, reasons, null, null, source, null, words);
    }
}
