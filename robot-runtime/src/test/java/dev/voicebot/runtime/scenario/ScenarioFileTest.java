package dev.voicebot.runtime.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading scenario files: every shipped example reads, and a malformed file names its step and key. */
class ScenarioFileTest {
    static final Path SHIPPED = Path.of("..", "sim", "scenarios");

    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, yaml, StandardCharsets.UTF_8);
        return f;
    }

    private String error(String yaml) throws Exception {
        Path f = write(yaml);
        return assertThrows(ScenarioFormatException.class, () -> new ScenarioFile().read(f)).getMessage();
    }

    @Test
    void everyShippedScenarioReadsInEnglishAndKorean() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(SHIPPED)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.stream().anyMatch(p -> p.getFileName().toString().startsWith("en-")), files.toString());
        assertTrue(files.stream().anyMatch(p -> p.getFileName().toString().startsWith("ko-")), files.toString());
        for (Path f : files) {
            Scenario s = new ScenarioFile().read(f);
            assertFalse(s.steps().isEmpty(), f.toString());
        }
    }

    @Test
    void theIssuesExampleReads() throws Exception {
        Files.write(dir.resolve("turn-left.wav"), new byte[44]);
        Path f = write("""
                name: forward, turn, stop
                robot: {x: 0, y: 0, headingDeg: 0}
                steps:
                  - say: "move forward one meter"
                  - audio: turn-left.wav
                  - waitIdle: 10s
                  - expect: {x: 1.0, y: 0.0, tolerance: 0.1}
                  - expect: {headingDeg: 90, toleranceDeg: 5}
                  - expectEvent: {event: safety, verdict: block}
                  - wait: 500ms
                """);
        Scenario s = new ScenarioFile().read(f);
        assertEquals("forward, turn, stop", s.name());
        assertEquals(7, s.steps().size());
        assertEquals(new Step.Say("move forward one meter"), s.steps().get(0));
        assertEquals(dir.resolve("turn-left.wav").toAbsolutePath().normalize(), ((Step.Audio) s.steps().get(1)).file());
        assertEquals(Duration.ofSeconds(10), ((Step.WaitIdle) s.steps().get(2)).timeout());
        Step.Expect e = (Step.Expect) s.steps().get(3);
        assertEquals(1.0, e.numbers().get("x"));
        assertEquals(0.1, e.tolerance());
        assertEquals(5.0, ((Step.Expect) s.steps().get(4)).toleranceDeg());
        Step.ExpectEvent ev = (Step.ExpectEvent) s.steps().get(5);
        assertEquals("safety", ev.event());
        assertEquals("block", ev.fields().get("verdict").asText());
        assertEquals(Duration.ofMillis(500), ((Step.Wait) s.steps().get(6)).duration());
        assertEquals(0.0, s.robot().orElseThrow().headingDeg());
    }

    @Test
    void aMalformedStepIsNamedWithItsKey() throws Exception {
        String m = error("""
                name: typo
                steps:
                  - say: "move forward one meter"
                  - waitIdle: 10s
                  - expect: {x: 1.0, tolerence: 0.1}
                """);
        assertTrue(m.contains("step 3 (expect)") && m.contains("'tolerence'") && m.contains("tolerance"), m);
        m = error("name: n\nsteps:\n  - sya: hello\n");
        assertTrue(m.contains("step 1") && m.contains("unknown step 'sya'"), m);
        m = error("name: n\nsteps:\n  - say: hi\n  - waitIdle: soon\n");
        assertTrue(m.contains("step 2 (waitIdle)") && m.contains("soon"), m);
        m = error("name: n\nsteps:\n  - expect: {x: far}\n");
        assertTrue(m.contains("step 1 (expect).x") && m.contains("number"), m);
        m = error("name: n\nsteps:\n  - audio: clips/missing.wav\n");
        assertTrue(m.contains("step 1 (audio)") && m.contains("clips/missing.wav") && m.contains("not found"), m);
        m = error("name: n\nsteps:\n  - expectEvent: {verdict: block}\n");
        assertTrue(m.contains("step 1 (expectEvent).event"), m);
        m = error("name: n\nsteps:\n  - say: a\n    wait: 1s\n");
        assertTrue(m.contains("step 1") && m.contains("exactly one"), m);
    }

    @Test
    void aMalformedFileIsNamed() throws Exception {
        assertTrue(error("steps:\n  - say: hi\n").contains("name"));
        assertTrue(error("name: n\n").contains("steps"));
        assertTrue(error("name: n\nsteps: []\n").contains("steps"));
        assertTrue(error("name: n\nrobot: {x: 0, z: 1}\nsteps:\n  - say: hi\n").contains("robot: unknown key 'z'"));
        assertTrue(error("name: n\nname: m\nsteps:\n  - say: hi\n").contains("not valid YAML"));
        assertTrue(error("name: [unclosed\n").contains("not valid YAML"));
        assertTrue(error("name: n\nstep:\n  - say: hi\n").contains("unknown key 'step'"));
        Path missing = dir.resolve("nope.yaml");
        assertTrue(assertThrows(ScenarioFormatException.class, () -> new ScenarioFile().read(missing)).getMessage().contains("does not exist"));
    }
}
