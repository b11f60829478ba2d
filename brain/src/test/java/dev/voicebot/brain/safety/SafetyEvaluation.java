package dev.voicebot.brain.safety;

import dev.voicebot.config.ConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Measures the filter on the hand-labelled sets in {@code src/test/resources/safety/eval/}: precision
 * and recall of "must intervene" per language, and per category. Run from the test classpath:
 * {@code mvn -B -o -pl brain test -Dtest=SafetyEvalTest} prints the table (and asserts the floors).
 */
public final class SafetyEvaluation {
    /** One labelled line. */
    public record Line(String text, boolean flag, Set<Category> categories, String kind) {
    }

    /** Counts for one slice. */
    public static final class Counts {
        int tp;
        int fp;
        int fn;
        int tn;

        public double precision() {
            return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        }

        public int support() {
            return tp + fn;
        }
    }

    /** Results for one language. */
    public record Report(String set, String language, int lines, int hardNegatives, Counts overall, Map<Category, Counts> byCategory,
            int hardFalsePositives, List<String> errors) {
    }

    private SafetyEvaluation() {
    }

    /** @param set {@code en}, {@code ko}, {@code en.holdout}, {@code ko.holdout} */
    public static List<Line> load(String set) {
        String resource = "/safety/eval/" + set + ".tsv";
        try (InputStream in = SafetyEvaluation.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            List<Line> lines = new ArrayList<>();
            int n = 0;
            for (String row : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                n++;
                if (row.isBlank() || row.startsWith("#")) {
                    continue;
                }
                String[] f = row.split("\t");
                if (f.length != 4 || !(f[1].equals("allow") || f[1].equals("flag"))) {
                    throw new IllegalStateException(resource + " line " + n + " is not text<TAB>allow|flag<TAB>categories<TAB>kind: " + row);
                }
                Set<Category> cats = EnumSet.noneOf(Category.class);
                if (!f[2].equals("-")) {
                    for (String c : f[2].split(",")) {
                        cats.add(Category.fromWire(c));
                    }
                }
                lines.add(new Line(f[0], f[1].equals("flag"), cats, f[3]));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Report evaluate(SafetyFilter filter, String set) {
        String language = set.substring(0, 2);
        List<Line> lines = load(set);
        Counts overall = new Counts();
        Map<Category, Counts> byCategory = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            if (c != Category.PROFANITY) {
                byCategory.put(c, new Counts());
            }
        }
        int hard = 0;
        int hardFp = 0;
        List<String> errors = new ArrayList<>();
        for (Line line : lines) {
            Verdict v = filter.checkInput(line.text(), language);
            boolean flagged = !v.allowed();
            Set<Category> predicted = flagged ? v.categories() : Set.of();
            if (line.kind().equals("hard")) {
                hard++;
                if (flagged) {
                    hardFp++;
                }
            }
            if (flagged && line.flag()) {
                overall.tp++;
            } else if (flagged) {
                overall.fp++;
            } else if (line.flag()) {
                overall.fn++;
            } else {
                overall.tn++;
            }
            for (Map.Entry<Category, Counts> e : byCategory.entrySet()) {
                boolean want = line.categories().contains(e.getKey());
                boolean got = predicted.contains(e.getKey());
                Counts c = e.getValue();
                if (want && got) {
                    c.tp++;
                } else if (got) {
                    c.fp++;
                } else if (want) {
                    c.fn++;
                } else {
                    c.tn++;
                }
            }
            if (flagged != line.flag() || flagged && !predicted.containsAll(line.categories())) {
                errors.add((flagged != line.flag() ? (flagged ? "FP " : "FN ") : "CAT ") + line.text()
                        + "  expected " + line.categories() + " got " + v.wire() + " " + v.categories());
            }
        }
        return new Report(set, language, lines.size(), hard, overall, byCategory, hardFp, errors);
    }

    /** The Markdown table for BENCHMARKS.md. */
    public static String table(List<Report> reports) {
        StringBuilder b = new StringBuilder();
        b.append("| set | slice | support | precision | recall |\n|---|---|---:|---:|---:|\n");
        for (Report r : reports) {
            b.append(String.format(Locale.ROOT, "| %s | **all (%d lines, %d hard negatives)** | %d | %.3f | %.3f |%n",
                    r.set(), r.lines(), r.hardNegatives(), r.overall().support(), r.overall().precision(), r.overall().recall()));
            for (Map.Entry<Category, Counts> e : r.byCategory().entrySet()) {
                b.append(String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f |%n", r.set(), e.getKey().wire(),
                        e.getValue().support(), e.getValue().precision(), e.getValue().recall()));
            }
            b.append(String.format(Locale.ROOT, "| %s | hard negatives wrongly flagged | %d | | %d of %d |%n",
                    r.set(), r.hardNegatives(), r.hardFalsePositives(), r.hardNegatives()));
        }
        return b.toString();
    }

    public static void main(String[] args) {
        SafetyFilter filter = SafetyFilter.withDefaultRules(new ConfigLoader().defaults().safety());
        List<Report> reports = List.of(evaluate(filter, "en"), evaluate(filter, "ko"),
                evaluate(filter, "en.holdout"), evaluate(filter, "ko.holdout"));
        System.out.println(table(reports));
        if (args.length > 0 && args[0].equals("--errors")) {
            reports.forEach(r -> r.errors().forEach(e -> System.out.println(r.set() + " " + e)));
        }
    }
}
