package dev.voicebot.actuators.intent;

import static dev.voicebot.config.Checks.ensureNotBlank;

/** Say {@code text} aloud in {@code language} (ISO 639-1, for example en or ko). */
public record Speak(String text, String language) implements Intent {
    public Speak {
        ensureNotBlank(text, "text");
        ensureNotBlank(language, "language");
    }
}
