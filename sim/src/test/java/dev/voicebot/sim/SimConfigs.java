package dev.voicebot.sim;

import dev.voicebot.config.ConfigLoader;
import dev.voicebot.config.SimConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Simulator configurations for tests: the shipped defaults with a YAML overlay, loaded as the CLI does. */
final class SimConfigs {
    private static final SimConfig DEFAULTS = new ConfigLoader().defaults().sim();

    private SimConfigs() {
    }

    static SimConfig defaults() {
        return DEFAULTS;
    }

    /** The defaults with {@code yaml} (a configuration file's text) on top. */
    static SimConfig with(String yaml) {
        try {
            Path file = Files.createTempFile("sim-config", ".yaml");
            try {
                Files.writeString(file, yaml, StandardCharsets.UTF_8);
                return new ConfigLoader().load(Optional.of(file), Map.of()).sim();
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
