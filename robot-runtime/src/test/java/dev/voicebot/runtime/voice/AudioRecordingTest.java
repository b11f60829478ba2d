package dev.voicebot.runtime.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.runtime.CliHarness;
import dev.voicebot.speech.testing.Espeak;
import dev.voicebot.speech.testing.Scene;
import dev.voicebot.speech.testing.TinyWhisperModel;
import dev.voicebot.speech.testing.WavFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spoken input leaves no audio on disk unless the owner switched debug recording on. */
class AudioRecordingTest {
    @TempDir
    Path dir;

    private List<Path> wavsUnder(Path root) throws Exception {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".wav")).toList();
        }
    }

    private CliHarness run(Path data, boolean record) throws Exception {
        float[] clip = Espeak.say("en", "turn left");
        Scene s = new Scene((600 + clip.length / 16 + 900) / 1000.0).place(clip, 600);
        Path wav = WavFiles.pcm16(dir.resolve("input-" + record + ".wav"), s.clean(), 16_000);
        Path model = TinyWhisperModel.speaking("en", "turn left").write(dir.resolve("model-" + record + ".bin"));
        Map<String, String> env = new HashMap<>();
        env.put("ROBOT_DATA_DIR", data.toString());
        env.put("ROBOT_SPEECH_MODEL", model.toString());
        env.put("ROBOT_PRIVACY_RECORD_AUDIO", Boolean.toString(record));
        CliHarness r = CliHarness.run("", env, "run", "--input", "wav:" + wav, "--json");
        assertEquals(0, r.exitCode(), r.stderr() + r.stdout());
        assertTrue(!r.events("transcript").isEmpty(), r.stdout());
        return r;
    }

    @Test
    void noAudioIsWrittenByDefault() throws Exception {
        Path data = dir.resolve("data-off");
        run(data, false);
        assertEquals(List.of(), wavsUnder(data));
    }

    @Test
    void optInRecordingKeepsEachUtteranceInTheDataDirectory() throws Exception {
        Path data = dir.resolve("data-on");
        run(data, true);
        List<Path> kept = wavsUnder(data);
        assertEquals(1, kept.size(), kept.toString());
        assertTrue(Files.size(kept.get(0)) > 44 + 16_000, "at least half a second of 16-bit audio: " + Files.size(kept.get(0)));
    }
}
