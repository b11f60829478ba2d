package dev.voicebot.runtime.voice;

import dev.voicebot.runtime.RobotRuntime;
import dev.voicebot.runtime.events.EventSink;
import dev.voicebot.runtime.events.RuntimeEvent;
import dev.voicebot.speech.SpeechException;
import dev.voicebot.speech.audio.AudioSource;
import dev.voicebot.speech.audio.AudioSources;
import java.io.InputStream;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code robot run --input mic|wav:FILE|-}: spoken input until the file or stream ends (a microphone: until shutdown). */
public final class VoiceRun {
    private static final Logger LOG = LoggerFactory.getLogger(VoiceRun.class);
    private static final Duration FOREVER = Duration.ofDays(365);

    private VoiceRun() {
    }

    /**
     * Listens to {@code spec} and feeds what is heard to {@code runtime}; returns when the input has
     * ended and every utterance has been handled. Returns false (after an error event) when the input or
     * the Whisper model cannot be opened, or the input failed while being read.
     */
    public static boolean run(RobotRuntime runtime, EventSink events, String spec, InputStream stdin, VoiceLoop.Options options)
            throws InterruptedException {
        AudioSource audio;
        try {
            audio = AudioSources.open(spec, stdin);
        } catch (SpeechException | IllegalArgumentException e) {
            LOG.warn("input {} cannot be opened", spec, e);
            events.emit(new RuntimeEvent.Error("input", e.getMessage()));
            return false;
        }
        String label = label(spec);
        dev.voicebot.runtime.tts.SpeechOutput voice = null;
        if (runtime.config().tts().enabled()) {
            try {
                java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("robot-tts");
                voice = dev.voicebot.runtime.tts.SpeechOutput.start(runtime.config().tts(), runtime.config().mqtt(), runtime.topics(), runtime.brokerUri(), dir, events);
                options = options.withVoice(voice);
                LOG.info("speech output on ({}, {}); sentence WAVs in {}", runtime.config().tts().command(), runtime.config().tts().output(), dir);
            } catch (java.io.IOException | dev.voicebot.actuators.bus.BusException e) {
                LOG.warn("speech output could not start; replies are not spoken", e);
                events.emit(new RuntimeEvent.Error("tts", "speech output could not start: " + e.getMessage()));
            }
        }
        // a file is read at real-time pace, as a microphone would deliver it, so that the stop path and motion keep step
        try (dev.voicebot.runtime.tts.SpeechOutput closeVoice = voice;
             VoiceLoop loop = VoiceLoop.start(runtime, events, audio, label, options.withPaced(!label.equals("mic")))) {
            if (!loop.awaitEnd(FOREVER)) {
                events.emit(new RuntimeEvent.Error("input", "input " + spec + " did not end"));
                return false;
            }
            return !loop.failed();
        } catch (SpeechException e) {
            LOG.warn("speech input {} cannot start", spec, e);
            events.emit(new RuntimeEvent.Error("speech", e.getMessage()));
            return false;
        }
    }

    static String label(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        if (s.equals("mic") || s.equals("microphone")) {
            return "mic";
        }
        if (s.equals("-") || s.equals("stdin") || s.equals("pcm:-")) {
            return "stdin";
        }
        return "wav";
    }
}
