package dev.voicebot.runtime.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.runtime.CliHarness;
import dev.voicebot.speech.testing.Espeak;
import dev.voicebot.speech.testing.Scene;
import dev.voicebot.speech.testing.TinyWhisperModel;
import dev.voicebot.speech.testing.WavFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code robot scenario} through the real CLI, in this JVM: the shipped examples pass; failures and malformed files are told apart. */
class ScenarioCommandTest {
    @TempDir
    Path dir;

    @Test
    void everyShippedScenarioPasses() {
        CliHarness r = CliHarness.run("", Map.of(), "scenario", ScenarioFileTest.SHIPPED.toString());
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stdout().contains("scenarios: ") && r.stdout().contains(" passed, 0 failed"), r.stdout());
        assertTrue(r.stdout().contains("앞으로 1미터 가"), "the Korean scenario ran: " + r.stdout());
        assertTrue(!r.stdout().contains("FAIL"), r.stdout());
    }

    @Test
    void aFailedStepIsShownInTheTableAndExitsOne() throws Exception {
        Files.write(dir.resolve("hello.wav"), new byte[44]);
        Path f = dir.resolve("fails.yaml");
        Files.writeString(f, """
                name: expects the impossible
                robot: {x: 1, y: 2, headingDeg: 90}
                steps:
                  - expect: {x: 1.0, y: 2.0, headingDeg: 90, activity: idle, pose: stand}
                  - expect: {x: 5.0}
                  - audio: hello.wav
                  - expectEvent: {event: safety, within: 200ms}
                  - say: "wave"
                  - waitIdle: 10s
                """, StandardCharsets.UTF_8);
        CliHarness r = CliHarness.run("", Map.of(), "scenario", f.toString());
        assertEquals(1, r.exitCode(), r.stdout() + r.stderr());
        String out = r.stdout();
        assertTrue(out.matches("(?s).*\\n +1 +expect .* pass .*"), out);
        assertTrue(out.matches("(?s).*\\n +2 +expect x=5 .* FAIL .*x = 1\\.00 \\(expected 5 ± 0\\.05\\).*"), out);
        assertTrue(out.matches("(?s).*\\n +3 +audio hello\\.wav .* FAIL .*speech recognition not configured.*"), out);
        assertTrue(out.matches("(?s).*\\n +4 +expectEvent safety .* FAIL .*no matching 'safety' event.*"), out);
        assertTrue(out.matches("(?s).*\\n +6 +waitIdle 10s .* pass .*"), out);
        assertTrue(out.contains("result: FAIL (3 of 6 steps passed)"), out);
        assertTrue(out.contains("1 scenario: 0 passed, 1 failed"), out);
    }

    @Test
    void anAudioStepGoesThroughTheSpeechPipeline() throws Exception {
        float[] clip = Espeak.say("en", "turn left");
        Scene scene = new Scene((600 + clip.length / 16 + 900) / 1000.0).place(clip, 600);
        WavFiles.pcm16(dir.resolve("turn-left.wav"), scene.clean(), 16_000);
        Path model = TinyWhisperModel.speaking("en", "turn left").write(dir.resolve("tiny.bin"));
        Path f = dir.resolve("spoken.yaml");
        Files.writeString(f, """
                name: a spoken turn
                steps:
                  - audio: turn-left.wav
                  - waitIdle: 10s
                  - expect: {headingDeg: 90, toleranceDeg: 2}
                  - expectEvent: {event: transcript, text: turn left, language: en}
                """, StandardCharsets.UTF_8);
        CliHarness r = CliHarness.run("", Map.of("ROBOT_SPEECH_MODEL", model.toString()), "scenario", f.toString());
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stdout().contains("heard [en] \"turn left\""), r.stdout());
    }

    @Test
    void aMalformedFileExitsTwoNamingTheStepAndKeyAndRunsNothing() throws Exception {
        Path good = dir.resolve("a-good.yaml");
        Files.writeString(good, "name: fine\nsteps:\n  - wait: 10ms\n", StandardCharsets.UTF_8);
        Path bad = dir.resolve("b-bad.yaml");
        Files.writeString(bad, "name: typo\nsteps:\n  - say: hi\n  - expect: {x: 1, tolerence: 0.1}\n", StandardCharsets.UTF_8);
        CliHarness r = CliHarness.run("", Map.of(), "scenario", dir.toString());
        assertEquals(2, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stderr().contains("b-bad.yaml") && r.stderr().contains("step 2 (expect)") && r.stderr().contains("'tolerence'"), r.stderr());
        assertEquals("", r.stdout(), "nothing ran");

        Path badConfig = dir.resolve("c.yaml");
        Files.writeString(badConfig, "name: c\nconfig: {sim: {maxSpeedMps: -1}}\nsteps:\n  - wait: 10ms\n", StandardCharsets.UTF_8);
        CliHarness c = CliHarness.run("", Map.of(), "scenario", badConfig.toString());
        assertEquals(2, c.exitCode(), c.stderr());
        assertTrue(c.stderr().contains("config") && c.stderr().contains("sim.maxSpeedMps"), c.stderr());

        CliHarness none = CliHarness.run("", Map.of(), "scenario");
        assertEquals(2, none.exitCode(), "a file is required");
    }
}
