package dev.voicebot.runtime.models;

/** A model catalogue file is missing or malformed, or a model name is not in it; the message says which. */
public final class CatalogueException extends Exception {
    public CatalogueException(String message) {
        super(message);
    }

    public CatalogueException(String message, Throwable cause) {
        super(message, cause);
    }
}
