package dev.voicebot.config;

/**
 * Thrown by compact constructors of configuration records when one component is out of range.
 * The loader adds the key path of the enclosing record to the field named here.
 */
public final class InvalidValueException extends IllegalArgumentException {
    private final String field;
    private final Object value;
    private final String allowed;

    public InvalidValueException(String field, Object value, String allowed) {
        super("invalid value " + value + " for '" + field + "'; allowed: " + allowed);
        this.field = field;
        this.value = value;
        this.allowed = allowed;
    }

    public String field() {
        return field;
    }

    public Object value() {
        return value;
    }

    public String allowed() {
        return allowed;
    }
}
