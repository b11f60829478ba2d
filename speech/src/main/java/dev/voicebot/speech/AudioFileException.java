package dev.voicebot.speech;

import java.nio.file.Path;
import java.util.Objects;

/** An audio file (or stream) that cannot be read: missing, corrupt, truncated or in an unsupported format. */
public final class AudioFileException extends SpeechException {
    private final String source;
    private final String problem;

    public AudioFileException(Path file, String problem) {
        this(String.valueOf(file), problem, null);
    }

    public AudioFileException(Path file, String problem, Throwable cause) {
        this(String.valueOf(file), problem, cause);
    }

    /** {@code source} names a file or a stream such as {@code stdin}. */
    public AudioFileException(String source, String problem, Throwable cause) {
        super("speech: " + source + ": " + problem, cause);
        this.source = Objects.requireNonNull(source);
        this.problem = Objects.requireNonNull(problem);
    }

    /** The file path or stream name. */
    public String source() {
        return source;
    }

    /** What is wrong, without the file name. */
    public String problem() {
        return problem;
    }
}
