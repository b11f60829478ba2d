package dev.voicebot.runtime.cli;

import dev.voicebot.config.ConfigException;
import dev.voicebot.config.RobotConfig;
import dev.voicebot.runtime.models.CatalogueEntry;
import dev.voicebot.runtime.models.CatalogueException;
import dev.voicebot.runtime.models.DownloadException;
import dev.voicebot.runtime.models.ModelCatalogue;
import dev.voicebot.runtime.models.ModelDownloader;
import dev.voicebot.runtime.models.ModelStore;
import dev.voicebot.runtime.models.ModelVerifier;
import dev.voicebot.runtime.models.ProgressBar;
import dev.voicebot.runtime.models.PullResult;
import dev.voicebot.runtime.models.VerifyOutcome;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code robot models list|pull|verify|remove|path}: the catalogue of recommended models and the
 * models directory ({@code models.dir}, by default under the user's cache directory).
 */
@Command(name = "models", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List, download, verify and remove speech and language models.",
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Pull.class, ModelsCommand.Verify.class,
            ModelsCommand.Remove.class, ModelsCommand.PathOf.class})
public final class ModelsCommand implements Runnable {
    @ParentCommand
    RobotCommand root;

    @Override
    public void run() {
        picocli.CommandLine.usage(this, root.context.out());
    }

    /** The configuration, the catalogue and the store every subcommand works on. */
    record Setup(RobotConfig config, ModelCatalogue catalogue, ModelStore store) {
    }

    /** A bad {@code models.catalogue} file is a configuration error (exit 2). */
    Setup setup() {
        RobotConfig config = root.loadConfig();
        try {
            return new Setup(config, ModelCatalogue.load(config.models()), ModelStore.resolve(config.models(), root.context.env()));
        } catch (CatalogueException e) {
            throw new ConfigException("models.catalogue", e.getMessage(), e);
        }
    }

    /** Resolves the names, or fails with the list of known ones (exit 2). */
    List<CatalogueEntry> entries(Setup s, List<String> names, picocli.CommandLine cmd) {
        List<CatalogueEntry> out = new ArrayList<>();
        for (String n : names) {
            try {
                out.add(s.catalogue().require(n));
            } catch (CatalogueException e) {
                throw new picocli.CommandLine.ParameterException(cmd, e.getMessage(), e);
            }
        }
        return out;
    }

    static String megabytes(Long bytes) {
        return bytes == null ? "unknown" : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the catalogue and what is installed.")
    static final class ListModels implements Callable<Integer> {
        @ParentCommand
        ModelsCommand models;

        @Override
        public Integer call() {
            Setup s = models.setup();
            PrintStream out = models.root.context.out();
            out.println("Models directory: " + s.store().dir());
            String format = "%-24s %-8s %-10s %-9s %-10s %s%n";
            out.printf(format, "NAME", "KIND", "SIZE", "CHECKSUM", "INSTALLED", "LICENCE");
            for (CatalogueEntry e : s.catalogue().entries()) {
                String checksum = e.checksum().map(c -> c.algorithm()).orElse("none");
                String installed = s.store().isInstalled(e) ? "yes"
                        : Files.isRegularFile(s.store().partial(e)) ? "partial" : "no";
                out.printf(format, e.name(), e.kind().wire(), megabytes(e.sizeBytes()), checksum, installed, e.licence());
            }
            out.println();
            out.println("Fetch one with: robot models pull NAME (e.g. robot models pull whisper-base)");
            out.flush();
            return Cli.OK;
        }
    }

    @Command(name = "pull", mixinStandardHelpOptions = true,
            description = {"Download models into the models directory: resumes an interrupted download, verifies the checksum,",
                "then moves the file into place. A mismatch deletes the partial file."})
    static final class Pull implements Callable<Integer> {
        @ParentCommand
        ModelsCommand models;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "NAME", description = "Catalogue names (robot models list).")
        List<String> names;

        @Override
        public Integer call() throws IOException {
            Setup s = models.setup();
            List<CatalogueEntry> wanted = models.entries(s, names, spec.commandLine());
            PrintStream out = models.root.context.out();
            PrintStream err = models.root.context.err();
            ModelDownloader downloader = ModelDownloader.standard("robot-runtime/" + versionOf());
            int code = Cli.OK;
            for (CatalogueEntry e : wanted) {
                try {
                    PullResult r = downloader.pull(e, s.store(), new ProgressBar(err));
                    out.println(e.name() + ": " + r.file() + (r.downloaded() ? "" : " (already there)") + " - " + r.outcome().describe());
                    out.println("  use it: " + e.kind().configKey() + ": " + r.file() + "   (or " + e.kind().environmentVariable() + "=" + r.file() + ")");
                    if (!e.licence().startsWith("MIT") && !e.licence().startsWith("Apache")) {
                        out.println("  licence: " + e.licence());
                    }
                } catch (DownloadException ex) {
                    err.println("robot: " + ex.getMessage());
                    code = Cli.FAILURE;
                }
                out.flush();
            }
            return code;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check installed models (or the named ones) against the catalogue: format, size and checksum.")
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        ModelsCommand models;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "0..*", paramLabel = "NAME", description = "Catalogue names; none: every installed model.")
        List<String> names = new ArrayList<>();

        @Override
        public Integer call() throws IOException {
            Setup s = models.setup();
            List<CatalogueEntry> wanted = names.isEmpty()
                    ? s.catalogue().entries().stream().filter(s.store()::isInstalled).toList()
                    : models.entries(s, names, spec.commandLine());
            PrintStream out = models.root.context.out();
            if (wanted.isEmpty()) {
                out.println("no models installed in " + s.store().dir() + "; fetch one with: robot models pull whisper-base");
                return Cli.OK;
            }
            int code = Cli.OK;
            for (CatalogueEntry e : wanted) {
                VerifyOutcome outcome = ModelVerifier.verify(e, s.store().path(e), b -> { });
                out.println(e.name() + ": " + outcome.describe());
                if (!outcome.acceptable()) {
                    code = Cli.FAILURE;
                }
            }
            out.flush();
            return code;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Delete models (and unfinished downloads of them).")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        ModelsCommand models;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "NAME", description = "Catalogue names.")
        List<String> names;

        @Override
        public Integer call() throws IOException {
            Setup s = models.setup();
            PrintStream out = models.root.context.out();
            for (CatalogueEntry e : models.entries(s, names, spec.commandLine())) {
                out.println(s.store().remove(e) ? "removed " + s.store().path(e) : e.name() + " is not installed");
            }
            out.flush();
            return Cli.OK;
        }
    }

    @Command(name = "path", mixinStandardHelpOptions = true,
            description = "Print where a model is (or would be) stored, e.g. ROBOT_SPEECH_MODEL=$(robot models path whisper-base).")
    static final class PathOf implements Callable<Integer> {
        @ParentCommand
        ModelsCommand models;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "1", paramLabel = "NAME", description = "A catalogue name.")
        String name;

        @Override
        public Integer call() {
            Setup s = models.setup();
            CatalogueEntry e = models.entries(s, List.of(name), spec.commandLine()).get(0);
            models.root.context.out().println(s.store().path(e));
            models.root.context.out().flush();
            return s.store().isInstalled(e) ? Cli.OK : Cli.FAILURE;
        }
    }

    static String versionOf() {
        String v = ModelsCommand.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
