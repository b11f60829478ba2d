package dev.voicebot.runtime.audit;

import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.actuators.wire.SafetyEvent;
import dev.voicebot.brain.safety.Direction;
import dev.voicebot.brain.safety.SafetyFilter;
import dev.voicebot.brain.safety.Verdict;
import dev.voicebot.runtime.privacy.PrivacyPolicy;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The word filter at the runtime's doors: what people say is checked before the brain sees it, and
 * what the robot is about to say before it is said. Every verdict becomes a {@link SafetyEvent} that
 * is recorded in the {@link SafetyAudit} and handed to {@code announce} (which publishes it on
 * {@code robot/{id}/safety/events}); an input event carries the checked text only where transcripts
 * may be published. Without a filter ({@code safety.enabled: false}) everything passes and nothing
 * is recorded.
 */
public final class WordSafetyGate {
    private final Optional<SafetyFilter> filter;
    private final SafetyAudit audit;
    private final PrivacyPolicy privacy;
    private final Consumer<SafetyEvent> announce;

    public WordSafetyGate(Optional<SafetyFilter> filter, SafetyAudit audit, PrivacyPolicy privacy, Consumer<SafetyEvent> announce) {
        this.filter = ensureNotNull(filter, "filter");
        this.audit = ensureNotNull(audit, "audit");
        this.privacy = ensureNotNull(privacy, "privacy");
        this.announce = ensureNotNull(announce, "announce");
    }

    /**
     * Checks what a person said. Empty: it goes on to the brain. Otherwise the verdict that stops it;
     * its {@link Verdict#replacement()} is the calm or supportive reply to say instead.
     */
    public Optional<Verdict> stopsInput(String text, String language, String source) {
        if (filter.isEmpty() || text == null || text.isBlank()) {
            return Optional.empty();
        }
        Verdict verdict = filter.get().checkInput(text, language);
        SafetyEvent event = audit.wordsEvent(verdict, Direction.INPUT, text, language, source);
        audit.record(event);
        announce.accept(privacy.publishTranscripts() ? event : withoutText(event));
        return verdict.allowed() ? Optional.empty() : Optional.of(verdict);
    }

    /** Checks what the robot is about to say; returns what it says: the reply, a softened reply, or a safe fallback. */
    public String checkReply(String reply, String language) {
        if (filter.isEmpty() || reply == null || reply.isBlank()) {
            return reply;
        }
        Verdict verdict = filter.get().checkOutput(reply, language);
        SafetyEvent event = audit.wordsEvent(verdict, Direction.OUTPUT, reply, language, "reply");
        audit.record(event);
        announce.accept(event);
        return verdict.replacement().orElse(reply);
    }

    public boolean enabled() {
        return filter.isPresent();
    }

    private static SafetyEvent withoutText(SafetyEvent e) {
        return new SafetyEvent(e.decision(), e.code(), e.reasons(), e.intent(), e.adjusted(), e.source(), e.confirmationId(),
                e.words() == null ? null : e.words().withoutText());
    }
}
