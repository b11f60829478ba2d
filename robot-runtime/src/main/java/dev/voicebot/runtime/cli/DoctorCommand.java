package dev.voicebot.runtime.cli;

import dev.voicebot.config.ConfigException;
import dev.voicebot.config.RobotConfig;
import dev.voicebot.runtime.data.DataDirectory;
import dev.voicebot.runtime.doctor.AudioDeviceCheck;
import dev.voicebot.runtime.doctor.BrokerCheck;
import dev.voicebot.runtime.doctor.DirectoryCheck;
import dev.voicebot.runtime.doctor.Doctor;
import dev.voicebot.runtime.doctor.DoctorReport;
import dev.voicebot.runtime.doctor.Finding;
import dev.voicebot.runtime.doctor.JavaCheck;
import dev.voicebot.runtime.doctor.ModelFileCheck;
import dev.voicebot.runtime.doctor.NativeLibraryCheck;
import dev.voicebot.runtime.doctor.PortCheck;
import dev.voicebot.runtime.models.CatalogueException;
import dev.voicebot.runtime.models.FileFormat;
import dev.voicebot.runtime.models.ModelCatalogue;
import dev.voicebot.runtime.models.ModelKind;
import dev.voicebot.runtime.models.ModelStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code robot doctor}: checks what the robot needs and prints a table with what to do about each
 * problem. Exit 0 when nothing failed (warnings allowed), 1 when something failed.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Check Java, native libraries, audio devices, model files, the MQTT broker, ports, directories and the configuration.",
            "Prints each check with OK, WARN or FAIL and what to do; exits 1 if any check fails."})
public final class DoctorCommand implements Callable<Integer> {
    @ParentCommand
    RobotCommand root;

    @Option(names = "--quick", description = "Skip model checksums (hashing a large model takes seconds).")
    boolean quick;

    @Option(names = "--json", description = "Print the result as one JSON object instead of a table.")
    boolean json;

    @Option(names = "--broker-timeout", paramLabel = "DURATION", defaultValue = "2s",
            description = "How long to wait for an external broker to accept a connection. Default: ${DEFAULT-VALUE}.")
    String brokerTimeout;

    @Override
    public Integer call() {
        Duration timeout;
        try {
            timeout = dev.voicebot.config.Durations.parse(brokerTimeout);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--broker-timeout: " + e.getMessage(), e);
        }
        Doctor doctor = new Doctor()
                .add("java", new JavaCheck())
                .add("native: whisper", NativeLibraryCheck.whisper())
                .add("native: llama", NativeLibraryCheck.llama())
                .add("audio input", new AudioDeviceCheck());
        RobotConfig config = null;
        try {
            config = root.loadConfig();
            String source = root.configFile == null ? "shipped defaults" : root.configFile.toString();
            doctor.add("configuration", () -> List.of(Finding.ok("configuration", "valid (" + source + " and ROBOT_... variables)")));
        } catch (ConfigException e) {
            doctor.add("configuration", () -> List.of(Finding.fail("configuration", e.getMessage(),
                    "fix that key in " + (root.configFile == null ? "the ROBOT_... variable" : root.configFile + " or the ROBOT_... variable")
                            + "; the checks that need the configuration were skipped")));
        }
        if (config != null) {
            addConfiguredChecks(doctor, config, timeout);
        }
        DoctorReport report = doctor.run();
        root.context.out().print(json ? report.json() + System.lineSeparator() : report.table());
        root.context.out().flush();
        return report.failed() ? Cli.FAILURE : Cli.OK;
    }

    private void addConfiguredChecks(Doctor doctor, RobotConfig config, Duration timeout) {
        ModelCatalogue catalogue;
        try {
            catalogue = ModelCatalogue.load(config.models());
        } catch (CatalogueException e) {
            doctor.add("model catalogue", () -> List.of(Finding.fail("model catalogue", e.getMessage(), "fix or unset models.catalogue")));
            catalogue = ModelCatalogue.builtIn();
        }
        ModelCatalogue models = catalogue;
        doctor.add("speech.model", new ModelFileCheck("speech.model", config.speech().model(), FileFormat.GGML,
                Optional.of(ModelKind.WHISPER), models, !quick, false));
        doctor.add("brain.model", new ModelFileCheck("brain.model", config.brain().model(), FileFormat.GGUF,
                Optional.of(ModelKind.LLM), models, !quick, false));
        doctor.add("brain.lora", new ModelFileCheck("brain.lora", config.brain().lora(), FileFormat.GGUF,
                Optional.empty(), models, !quick, true));
        doctor.add("mqtt broker", new BrokerCheck(config.mqtt(), timeout));
        doctor.add("http endpoints", new PortCheck(config.http()));
        doctor.add("data directory", new DirectoryCheck("data directory",
                DataDirectory.resolve(config.data(), root.context.env()).root(), "data.dir", true));
        doctor.add("models directory", new DirectoryCheck("models directory",
                ModelStore.resolve(config.models(), root.context.env()).dir(), "models.dir", false));
    }
}
