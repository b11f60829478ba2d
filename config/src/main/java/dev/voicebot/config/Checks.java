package dev.voicebot.config;

import java.time.Duration;
import java.util.Objects;

/** Small argument checks used by records in every module; failures name the field. */
public final class Checks {
    private Checks() {
    }

    public static <T> T ensureNotNull(T value, String field) {
        if (value == null) {
            throw new InvalidValueException(field, null, "a value (it must not be missing or null)");
        }
        return value;
    }

    public static String ensureNotBlank(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, value == null ? null : "\"" + value + "\"", "a non-empty text");
        }
        return value;
    }

    public static double ensureFinite(double value, String field) {
        if (!Double.isFinite(value)) {
            throw new InvalidValueException(field, value, "a finite number");
        }
        return value;
    }

    public static double ensureRange(double value, double min, double max, String field) {
        if (!Double.isFinite(value) || value < min || value > max) {
            throw new InvalidValueException(field, value, min + " to " + max);
        }
        return value;
    }

    public static int ensureRange(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new InvalidValueException(field, value, min + " to " + max);
        }
        return value;
    }

    public static long ensureRange(long value, long min, long max, String field) {
        if (value < min || value > max) {
            throw new InvalidValueException(field, value, min + " to " + max);
        }
        return value;
    }

    public static double ensurePositive(double value, String field) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new InvalidValueException(field, value, "a finite number greater than 0");
        }
        return value;
    }

    public static Duration ensureRange(Duration value, Duration min, Duration max, String field) {
        Objects.requireNonNull(min);
        Objects.requireNonNull(max);
        ensureNotNull(value, field);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new InvalidValueException(field, Durations.format(value),
                    Durations.format(min) + " to " + Durations.format(max));
        }
        return value;
    }
}
