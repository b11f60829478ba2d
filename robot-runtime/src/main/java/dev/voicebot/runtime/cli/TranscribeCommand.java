package dev.voicebot.runtime.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voicebot.config.RobotConfig;
import dev.voicebot.speech.AudioFileException;
import dev.voicebot.speech.SpeechException;
import dev.voicebot.speech.transcribe.TranscribeOptions;
import dev.voicebot.speech.transcribe.Transcriber;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code robot transcribe [--model PATH] [--language auto|en|ko|...] [--translate] [--vad-only] FILE...}:
 * one JSON object per detected utterance on stdout:
 * {@code {"file","startMs","endMs","text","language","languageProbability","prosody":{...}}}
 * ({@code --vad-only} omits the ASR fields and needs no model). A missing or corrupt model, or an
 * unreadable audio file, is reported on stderr naming the file, and the exit code is 1.
 */
@Command(name = "transcribe", mixinStandardHelpOptions = true,
        description = "Find the utterances in WAV files and transcribe them with Whisper; one JSON object per utterance.")
public final class TranscribeCommand implements Callable<Integer> {
    @ParentCommand
    RobotCommand root;

    @Option(names = "--model", paramLabel = "PATH", description = "Whisper ggml model file; overrides speech.model.")
    Path model;

    @Option(names = "--language", paramLabel = "CODE", description = "auto (identify), or a language code such as en or ko; overrides speech.language.")
    String language;

    @Option(names = "--translate", description = "Translate to English.")
    boolean translate;

    @Option(names = "--vad-only", description = "Only find the utterances (start, end, prosody); needs no model.")
    boolean vadOnly;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "WAV files (8-48 kHz, 8/16/24/32-bit PCM or float, mono or stereo).")
    List<Path> files;

    @Override
    public Integer call() {
        RobotConfig config = root.loadConfig();
        TranscribeOptions options;
        try {
            options = TranscribeOptions.from(config.speech(), model, language, translate, vadOnly);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--language: " + e.getMessage(), e);
        }
        PrintStream out = root.context.out();
        PrintStream err = root.context.err();
        ObjectMapper json = new ObjectMapper();
        int status = Cli.OK;
        try (Transcriber transcriber = new Transcriber(options)) {
            for (Path file : files) {
                try {
                    transcriber.transcribe(file, r -> {
                        out.println(r.toJson(json).toString());
                        out.flush();
                    });
                } catch (AudioFileException e) {
                    err.println("robot: " + e.getMessage());
                    status = Cli.FAILURE; // go on with the other files
                }
            }
        } catch (SpeechException e) {
            err.println("robot: " + e.getMessage());
            return Cli.FAILURE;
        }
        return status;
    }
}
