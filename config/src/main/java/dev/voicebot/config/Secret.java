package dev.voicebot.config;

import static dev.voicebot.config.Checks.ensureNotNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A configured secret (a password, a reset token): read from YAML or a {@code ROBOT_...} variable as
 * plain text, but printed and logged only as {@code "******"} so that {@code robot config print} and
 * log lines never show it.
 */
public final class Secret {
    public static final String MASK = "******";
    private final String value;

    private Secret(String value) {
        this.value = ensureNotNull(value, "secret");
        if (value.isEmpty()) {
            throw new InvalidValueException("secret", "\"\"", "a non-empty text, or null for none");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The secret itself: pass it on, never log it. */
    public String reveal() {
        return value;
    }

    /** True when {@code candidate} equals the secret; compares in time independent of where they differ. */
    public boolean matches(String candidate) {
        if (candidate == null) {
            return false;
        }
        return java.security.MessageDigest.isEqual(
                value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                candidate.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @JsonValue
    public String masked() {
        return MASK;
    }

    @Override
    public String toString() {
        return MASK;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
