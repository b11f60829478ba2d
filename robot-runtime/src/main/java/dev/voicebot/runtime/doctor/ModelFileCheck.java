package dev.voicebot.runtime.doctor;

import dev.voicebot.runtime.models.CatalogueEntry;
import dev.voicebot.runtime.models.FileFormat;
import dev.voicebot.runtime.models.ModelCatalogue;
import dev.voicebot.runtime.models.ModelKind;
import dev.voicebot.runtime.models.ModelVerifier;
import dev.voicebot.runtime.models.VerifyOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One configured model file ({@code speech.model}, {@code brain.model}, {@code brain.lora}): set or
 * not, present and readable, the right container format by its header, and, when it is a catalogue
 * model, the right size and checksum. The file is never handed to native code here.
 */
public final class ModelFileCheck implements Check {
    private final String key;
    private final Path file;
    private final FileFormat expected;
    private final Optional<ModelKind> kind;
    private final ModelCatalogue catalogue;
    private final boolean checksums;
    private final boolean optional;

    /**
     * @param key the configuration key ({@code speech.model}, ...)
     * @param file the configured path, or null when not set
     * @param kind what a catalogue model for this key is; empty for keys without catalogue models (LoRA)
     * @param optional true when an unset key is normal (a LoRA adapter), false when it limits the robot
     * @param checksums false skips hashing (which takes seconds for a large model)
     */
    public ModelFileCheck(String key, Path file, FileFormat expected, Optional<ModelKind> kind, ModelCatalogue catalogue,
                          boolean checksums, boolean optional) {
        this.key = key;
        this.file = file;
        this.expected = expected;
        this.kind = kind;
        this.catalogue = catalogue;
        this.checksums = checksums;
        this.optional = optional;
    }

    @Override
    public List<Finding> run() throws IOException {
        String name = key;
        if (file == null) {
            if (optional) {
                return List.of(Finding.ok(name, "not set"));
            }
            String what = kind.map(k -> k == ModelKind.WHISPER ? "no speech recognition: typed and fast-path commands only"
                    : "no LLM: fast-path commands only, no conversation").orElse("not set");
            return List.of(Finding.warn(name, what, pullAdvice()));
        }
        if (!Files.exists(file)) {
            return List.of(Finding.fail(name, file + " does not exist", pullAdvice() + ", or correct " + key));
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            return List.of(Finding.fail(name, file + " is not a readable file", "check its permissions for the user that runs the robot"));
        }
        FileFormat format = FileFormat.of(file);
        if (format != expected) {
            return List.of(Finding.fail(name, file + " is " + format.description() + ", not " + expected.description(),
                    "configure a " + expected.description() + " file here" + (kind.isPresent() ? "; " + pullAdvice() : "")));
        }
        long size = Files.size(file);
        Optional<CatalogueEntry> entry = catalogue.byFileName(file.getFileName().toString())
                .filter(e -> kind.isEmpty() || e.kind() == kind.get());
        if (entry.isEmpty()) {
            return List.of(Finding.ok(name, file + " (" + expected.description() + ", " + mb(size) + "; not a catalogue model, no checksum to compare)"));
        }
        if (!checksums) {
            VerifyOutcome sizeOnly = entry.get().sizeBytes() != null && entry.get().sizeBytes() != size
                    ? new VerifyOutcome.WrongSize(file, entry.get().sizeBytes(), size) : null;
            if (sizeOnly != null) {
                return List.of(Finding.fail(name, file + ": " + sizeOnly.describe(), "robot models pull " + entry.get().name() + " (it resumes or replaces the file)"));
            }
            return List.of(Finding.ok(name, file + " (" + entry.get().name() + ", " + mb(size) + "; checksum not checked: --quick)"));
        }
        VerifyOutcome outcome = ModelVerifier.verify(entry.get(), file, b -> { });
        if (!outcome.acceptable()) {
            return List.of(Finding.fail(name, file + ": " + outcome.describe(), "robot models remove " + entry.get().name()
                    + " && robot models pull " + entry.get().name()));
        }
        if (outcome instanceof VerifyOutcome.NoPublishedChecksum) {
            return List.of(Finding.warn(name, file + " (" + entry.get().name() + "): " + outcome.describe(), "compare the SHA-256 with the publisher's if you can"));
        }
        return List.of(Finding.ok(name, file + " (" + entry.get().name() + ", " + mb(size) + ", " + outcome.describe() + ")"));
    }

    private String pullAdvice() {
        return kind.flatMap(catalogue::suggestion)
                .map(e -> "robot models pull " + e.name() + ", then set " + key + " (or " + e.kind().environmentVariable() + ") to the path it prints")
                .orElse("set " + key + " to a file");
    }

    private static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
