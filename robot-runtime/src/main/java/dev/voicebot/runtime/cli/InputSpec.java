package dev.voicebot.runtime.cli;

import java.nio.file.Path;

/** Where {@code robot run} takes its input from: {@code stdin} (typed), {@code mic}, {@code wav:FILE} or {@code -} (raw PCM on stdin). */
public sealed interface InputSpec {
    record Stdin() implements InputSpec {
    }

    record Mic() implements InputSpec {
    }

    record Wav(Path file) implements InputSpec {
    }

    /** Raw 16 kHz mono s16le audio on stdin. */
    record Pcm() implements InputSpec {
    }

    /** The audio input spec for {@code AudioSources.open} (not meaningful for typed {@link Stdin}). */
    default String audioSpec() {
        if (this instanceof Mic) {
            return "mic";
        }
        if (this instanceof Wav w) {
            return "wav:" + w.file();
        }
        return "-";
    }

    static InputSpec parse(String text) {
        if (text.equals("stdin")) {
            return new Stdin();
        }
        if (text.equals("mic")) {
            return new Mic();
        }
        if (text.equals("-")) {
            return new Pcm();
        }
        if (text.startsWith("wav:") && text.length() > 4) {
            return new Wav(Path.of(text.substring(4)));
        }
        throw new IllegalArgumentException("unknown input '" + text + "'; use stdin, mic, wav:FILE or - (raw 16 kHz mono s16le audio on stdin)");
    }
}
