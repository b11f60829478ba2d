package dev.voicebot.speech;

import java.nio.file.Path;
import java.util.Objects;

/** A Whisper model file that is missing, unreadable or not a model whisper.cpp can load safely. */
public final class ModelFileException extends SpeechException {
    private final Path file;
    private final String problem;

    public ModelFileException(Path file, String problem) {
        this(file, problem, null);
    }

    public ModelFileException(Path file, String problem, Throwable cause) {
        super(file == null ? "speech: " + problem : "speech: model " + file + ": " + problem, cause);
        this.file = file;
        this.problem = Objects.requireNonNull(problem);
    }

    /** The model file, or null when none was configured. */
    public Path file() {
        return file;
    }

    public String problem() {
        return problem;
    }
}
