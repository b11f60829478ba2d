package dev.voicebot.runtime.privacy;

import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.config.PrivacyConfig;

/**
 * Applied wherever text leaves the brain: before it is published over MQTT, printed as an event,
 * written to the audit log or the feedback store. The brain itself always sees the original text.
 */
public final class PrivacyPolicy {
    private final boolean redact;
    private final boolean publishTranscripts;
    private final Redactor redactor = new Redactor();

    public PrivacyPolicy(boolean redact, boolean publishTranscripts) {
        this.redact = redact;
        this.publishTranscripts = publishTranscripts;
    }

    public static PrivacyPolicy of(PrivacyConfig config) {
        ensureNotNull(config, "privacy");
        return new PrivacyPolicy(config.redact(), config.publishTranscripts());
    }

    /** Keeps everything as it is: redaction off, transcripts published. */
    public static PrivacyPolicy open() {
        return new PrivacyPolicy(false, true);
    }

    /** The text as it may be stored or published: personal data replaced when redaction is on. Null stays null. */
    public String clean(String text) {
        return redact ? redactor.redact(text) : text;
    }

    /** False when what people said must not be published over MQTT (only intents and replies). */
    public boolean publishTranscripts() {
        return publishTranscripts;
    }

    public boolean redacts() {
        return redact;
    }
}
