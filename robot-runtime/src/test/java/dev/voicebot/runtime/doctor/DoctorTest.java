package dev.voicebot.runtime.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voicebot.config.ConfigLoader;
import dev.voicebot.config.HttpConfig;
import dev.voicebot.config.MqttConfig;
import dev.voicebot.runtime.CliHarness;
import dev.voicebot.runtime.models.CatalogueEntry;
import dev.voicebot.runtime.models.FileFormat;
import dev.voicebot.runtime.models.ModelCatalogue;
import dev.voicebot.runtime.models.ModelKind;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorTest {
    @TempDir
    Path tmp;

    private static MqttConfig mqtt(Map<String, String> env) {
        return new ConfigLoader().load(Optional.empty(), env).mqtt();
    }

    private static Severity only(List<Finding> findings) {
        assertEquals(1, findings.size(), findings.toString());
        return findings.get(0).severity();
    }

    @Test
    void modelFilesAreCheckedByHeaderSizeAndChecksumWithoutNativeCode() throws Exception {
        byte[] gguf = dev.voicebot.runtime.models.TestModels.gguf(4096, 1);
        Path model = Files.write(tmp.resolve("tiny.gguf"), gguf);
        Path whisper = Files.write(tmp.resolve("ggml-tiny.bin"), dev.voicebot.runtime.models.TestModels.ggml(4096, 2));
        CatalogueEntry known = new CatalogueEntry("tiny", ModelKind.LLM, "tiny.gguf", URI.create("https://example.org/tiny.gguf"),
                4096L, dev.voicebot.runtime.models.TestModels.sha256(gguf), null, "MIT", "");
        ModelCatalogue catalogue = new ModelCatalogue(List.of(known));
        Optional<ModelKind> llm = Optional.of(ModelKind.LLM);

        assertEquals(Severity.OK, only(new ModelFileCheck("brain.model", model, FileFormat.GGUF, llm, catalogue, true, false).run()));
        assertEquals(Severity.WARN, only(new ModelFileCheck("brain.model", null, FileFormat.GGUF, llm, ModelCatalogue.builtIn(), true, false).run()));
        List<Finding> missing = new ModelFileCheck("brain.model", tmp.resolve("nope.gguf"), FileFormat.GGUF, llm, ModelCatalogue.builtIn(), true, false).run();
        assertEquals(Severity.FAIL, only(missing));
        assertTrue(missing.get(0).advice().contains("robot models pull"), missing.toString());
        List<Finding> swapped = new ModelFileCheck("brain.model", whisper, FileFormat.GGUF, llm, catalogue, true, false).run();
        assertEquals(Severity.FAIL, only(swapped));
        assertTrue(swapped.get(0).detail().contains("ggml"), swapped.toString());

        byte[] damaged = gguf.clone();
        damaged[100] ^= 1;
        Files.write(model, damaged);
        List<Finding> bad = new ModelFileCheck("brain.model", model, FileFormat.GGUF, llm, catalogue, true, false).run();
        assertEquals(Severity.FAIL, only(bad));
        assertTrue(bad.get(0).detail().contains("CHECKSUM MISMATCH"), bad.toString());
        assertEquals(Severity.OK, only(new ModelFileCheck("brain.model", model, FileFormat.GGUF, llm, catalogue, false, false).run()),
                "--quick checks the size only");
    }

    @Test
    void brokerAndPortChecksSeeWhatListens() throws Exception {
        try (ServerSocket open = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = open.getLocalPort();
            MqttConfig external = mqtt(Map.of("ROBOT_MQTT_URL", "tcp://127.0.0.1:" + port));
            assertEquals(Severity.OK, only(new BrokerCheck(external, Duration.ofSeconds(2)).run()));
            MqttConfig embeddedBusy = mqtt(Map.of("ROBOT_MQTT_EMBEDDED_PORT", Integer.toString(port)));
            assertEquals(Severity.FAIL, only(new BrokerCheck(embeddedBusy, Duration.ofSeconds(2)).run()));
            assertEquals(Severity.FAIL, only(new PortCheck(new HttpConfig(true, "127.0.0.1", port)).run()));
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        MqttConfig nobody = mqtt(Map.of("ROBOT_MQTT_URL", "tcp://127.0.0.1:" + closed));
        List<Finding> refused = new BrokerCheck(nobody, Duration.ofSeconds(2)).run();
        assertEquals(Severity.FAIL, only(refused));
        assertTrue(refused.get(0).advice().contains("mosquitto"), refused.toString());
    }

    @Test
    void aCheckThatThrowsIsAFailureNotACrashAndTheTableSaysWhatToDo() {
        DoctorReport report = new Doctor()
                .add("fine", () -> List.of(Finding.ok("fine", "all good")))
                .add("limited", () -> List.of(Finding.warn("limited", "no microphone", "plug one in")))
                .add("broken", () -> {
                    throw new IllegalStateException("boom");
                })
                .run();
        assertTrue(report.failed());
        String table = report.table();
        assertTrue(table.contains("CHECK") && table.contains("STATUS") && table.contains("-> plug one in"), table);
        assertTrue(table.contains("broken") && table.contains("boom"), table);
        assertTrue(table.contains("1 ok, 1 warning(s), 1 failure(s)"), table);
    }

    @Test
    void theCommandExitsOneOnAFailureAndZeroOtherwise() throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("ROBOT_DATA_DIR", tmp.resolve("data").toString(),
                "ROBOT_MODELS_DIR", tmp.resolve("models").toString()));
        CliHarness ok = CliHarness.run("", env, "doctor", "--json");
        assertEquals(0, ok.exitCode(), ok.stdout() + ok.stderr());
        JsonNode report = new ObjectMapper().readTree(ok.stdout());
        assertTrue(report.get("ok").asBoolean());
        List<String> names = new java.util.ArrayList<>();
        report.get("checks").forEach(c -> names.add(c.get("check").asText()));
        assertTrue(names.containsAll(List.of("java", "native: whisper", "native: llama", "audio input", "configuration", "speech.model",
                "brain.model", "mqtt broker", "http endpoints", "data directory", "models directory")), names.toString());

        env.put("ROBOT_SPEECH_MODEL", tmp.resolve("missing.bin").toString());
        CliHarness failed = CliHarness.run("", env, "doctor");
        assertEquals(1, failed.exitCode(), failed.stdout());
        assertTrue(failed.stdout().contains("speech.model") && failed.stdout().contains("FAIL")
                && failed.stdout().contains("robot models pull whisper-base"), failed.stdout());

        CliHarness badConfig = CliHarness.run("", Map.of("ROBOT_HTTP_PORT", "70000"), "doctor", "--quick");
        assertEquals(1, badConfig.exitCode());
        assertTrue(badConfig.stdout().contains("http.port"), badConfig.stdout());
    }
}
