package dev.voicebot.runtime.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voicebot.actuators.wire.WireJson;
import dev.voicebot.config.RobotConfig;
import dev.voicebot.runtime.data.DataDirectory;
import dev.voicebot.runtime.feedback.FeedbackReport;
import dev.voicebot.runtime.feedback.FeedbackStore;
import dev.voicebot.runtime.feedback.Said;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code robot feedback list|export}: the reports people made about the robot's replies. */
@Command(name = "feedback", mixinStandardHelpOptions = true,
        description = "Show or export the reports people made about replies (by voice or on robot/{id}/feedback).",
        subcommands = {FeedbackCommand.ListReports.class, FeedbackCommand.Export.class})
public final class FeedbackCommand implements Runnable {
    @ParentCommand
    RobotCommand root;

    @Override
    public void run() {
        picocli.CommandLine.usage(this, root.context.out());
    }

    List<FeedbackReport> reports() throws IOException {
        RobotConfig config = root.loadConfig();
        Path dir = DataDirectory.resolve(config.data(), root.context.env()).root().resolve(FeedbackStore.DIRECTORY);
        return FeedbackStore.readAll(dir);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Print the reports as a table, oldest first.")
    static final class ListReports implements Callable<Integer> {
        @ParentCommand
        FeedbackCommand feedback;

        @Override
        public Integer call() throws IOException {
            List<FeedbackReport> reports = feedback.reports();
            PrintStream out = feedback.root.context.out();
            if (reports.isEmpty()) {
                out.println("no reports");
                out.flush();
                return Cli.OK;
            }
            String format = "%-20s  %-5s  %-10s  %-36s  %-30s  %s%n";
            out.printf(format, "TIME (UTC)", "VIA", "REASON", "REPLY ID", "UTTERANCE", "REPLY");
            for (FeedbackReport r : reports) {
                out.printf(format, r.time().length() >= 19 ? r.time().substring(0, 19).replace('T', ' ') : r.time(), r.via(),
                        cut(r.reason(), 10), r.replyMsgId(), cut(text(r.utterance()), 30), cut(text(r.reply()), 60));
            }
            out.println(reports.size() + " report(s)");
            out.flush();
            return Cli.OK;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write every report to stdout: jsonl (one JSON object per line, as stored) or csv (a header row, then one row per report).")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        FeedbackCommand feedback;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl", description = "jsonl or csv. Default: ${DEFAULT-VALUE}.")
        String format;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (!format.equals("jsonl") && !format.equals("csv")) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "unknown --format '" + format + "'; use jsonl or csv");
            }
            List<FeedbackReport> reports = feedback.reports();
            PrintStream out = feedback.root.context.out();
            if (format.equals("jsonl")) {
                ObjectMapper json = WireJson.newMapper();
                for (FeedbackReport r : reports) {
                    out.println(jsonLine(json, r));
                }
            } else {
                out.print(csvRow("reportId", "time", "robotId", "via", "reason", "comment", "replyMsgId", "replyText", "replyLanguage",
                        "utteranceText", "utteranceLanguage"));
                for (FeedbackReport r : reports) {
                    out.print(csvRow(r.reportId(), r.time(), r.robotId(), r.via(), r.reason(), r.comment(), r.replyMsgId(),
                            r.reply() == null ? null : r.reply().text(), r.reply() == null ? null : r.reply().language(),
                            r.utterance() == null ? null : r.utterance().text(), r.utterance() == null ? null : r.utterance().language()));
                }
            }
            out.flush();
            return Cli.OK;
        }
    }

    private static String jsonLine(ObjectMapper json, FeedbackReport r) {
        try {
            return json.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report not serialisable: " + r.reportId(), e);
        }
    }

    /** One CSV record (RFC 4180): fields with a comma, quote or line break are quoted, quotes doubled; CRLF at the end. */
    static String csvRow(String... fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            String f = fields[i] == null ? "" : fields[i];
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                sb.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(f);
            }
        }
        return sb.append("\r\n").toString();
    }

    private static String text(Said said) {
        return said == null || said.text() == null ? "" : said.text();
    }

    private static String cut(String s, int max) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ");
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }
}
