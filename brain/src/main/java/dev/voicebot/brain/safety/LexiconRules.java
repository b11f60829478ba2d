package dev.voicebot.brain.safety;

import static dev.voicebot.config.Checks.ensureNotBlank;
import static dev.voicebot.config.Checks.ensureNotNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A {@link LanguageRules} bundle read from a plain-text rules file, so that a language is data, not
 * code. The format, line by line ({@code #} starts a comment):
 * <pre>
 * &#64;spacing strict|loose        words separated by spaces (strict) or written together (loose, Korean)
 * &#64;boundaries word|none        match whole words, or anywhere inside a word (none; mark with &lt; and &gt;)
 * &#64;elongation true|false       let every Latin letter repeat ("stuuupid")
 * [list NAME]                   alternatives, usable as {NAME} in any pattern
 * [context NAME]                exception, report, counter, mention, negation.before, negation.after,
 *                               target.second, target.self, target.third, target.object
 * [rule CATEGORY MODE]          lines "SEVERITY PATTERN [=> SOFTER]"; MODE is
 *                               targeted (insult: counts when aimed at the listener, also implicitly),
 *                               explicit (counts only when aimed at the listener by name; a profanity rule
 *                               also counts in the robot's own speech, as profanity),
 *                               direct (counts unless quoted, reported, argued against, mentioned or negated),
 *                               self (the speaker about themselves: only exceptions clear it)
 * [reply KIND]                  safe replies of a {@link LanguageRules.ReplyKind}, one variant a line
 * </pre>
 * A pattern is words separated by spaces; {@code {name}} inserts a list, {@code a|b} alternatives,
 * {@code ..} up to three words, {@code <}/{@code >} a word edge; a line starting {@code re:} is a Java
 * regular expression (lists still expand).
 */
public final class LexiconRules implements LanguageRules {
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=^|\\s)[.!?](?=\\s|$)");
    private static final Pattern CLAUSE_END = Pattern.compile("(?<=^|\\s)(?:[.!?,;:]|but|however|그런데|근데|하지만)(?=\\s|$)");
    private static final Pattern MACRO = Pattern.compile("\\{([a-z][a-z0-9_.]*)}");

    private enum Mode { TARGETED, EXPLICIT, DIRECT, SELF }

    private enum Target { SECOND, SELF, THIRD, OBJECT, IMPLICIT }

    private record Rule(String id, Category category, Mode mode, double severity, Pattern pattern, Optional<String> softer) {
    }

    private final String language;
    private final List<Rule> rules;
    private final Map<String, Pattern> contexts;
    private final Map<ReplyKind, List<String>> replies;
    private final Set<String> vocabulary;

    private LexiconRules(String language, List<Rule> rules, Map<String, Pattern> contexts,
            Map<ReplyKind, List<String>> replies, Set<String> vocabulary) {
        this.language = language;
        this.rules = List.copyOf(rules);
        this.contexts = Map.copyOf(contexts);
        this.replies = replies;
        this.vocabulary = Set.copyOf(vocabulary);
    }

    /** The bundle shipped for {@code language} ({@code en}, {@code ko}). */
    public static LexiconRules load(String language) {
        ensureNotBlank(language, "language");
        String resource = "/dev/voicebot/brain/safety/" + language + ".rules";
        try (InputStream in = LexiconRules.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no safety rules for language '" + language + "' (missing resource " + resource + ")");
            }
            return parse(language, new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read safety rules " + resource, e);
        }
    }

    /** Parses a rules text (see the class comment); {@code source} names it in error messages. */
    public static LexiconRules parse(String language, String text, String source) {
        ensureNotNull(text, "text");
        Parser p = new Parser(language, source);
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                p.line(++n, line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.build();
    }

    @Override
    public String language() {
        return language;
    }

    @Override
    public Set<String> maskVocabulary() {
        return vocabulary;
    }

    @Override
    public List<String> replies(ReplyKind kind) {
        return replies.get(kind);
    }

    @Override
    public List<Finding> scan(NormalizedText text, Direction direction) {
        List<Finding> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        scanVariant(text.text(), direction, Set.of(), seen, out);
        if (!text.joined().equals(text.text())) {
            scanVariant(text.joined(), direction, Set.copyOf(seen), seen, out);
        }
        return out;
    }

    private void scanVariant(String s, Direction direction, Set<String> skip, Set<String> seen, List<Finding> out) {
        for (Rule rule : rules) {
            if (skip.contains(rule.id())) {
                continue;
            }
            Matcher m = rule.pattern().matcher(s);
            while (m.find()) {
                seen.add(rule.id());
                judge(rule, s, m.start(), m.end(), direction).ifPresent(out::add);
            }
        }
    }

    private Optional<Finding> judge(Rule rule, String s, int start, int end, Direction direction) {
        int[] sentence = span(s, start, end, SENTENCE_END);
        int[] clause = span(s, start, end, CLAUSE_END);
        String sentenceText = s.substring(sentence[0], sentence[1]);
        if (overlaps(context("exception"), sentenceText, start - sentence[0], end - sentence[0])) {
            return Optional.empty();
        }
        String matched = s.substring(start, end);
        if (rule.mode() != Mode.SELF) {
            if (quoted(s, sentence[0], start)
                    || found("report", sentenceText) || found("counter", sentenceText) || found("mention", sentenceText)) {
                return Optional.empty();
            }
            String before = s.substring(clause[0], start);
            String after = s.substring(end, clause[1]);
            if (found("negation.before", before) || found("negation.after", after)) {
                return Optional.empty();
            }
        }
        Category category = rule.category();
        if (rule.mode() == Mode.TARGETED || rule.mode() == Mode.EXPLICIT) {
            String clauseText = s.substring(clause[0], start) + " ".repeat(end - start) + s.substring(end, clause[1]);
            Target target = target(clauseText);
            if (direction == Direction.INPUT) {
                boolean aimed = target == Target.SECOND || target == Target.IMPLICIT && rule.mode() == Mode.TARGETED;
                if (!aimed) {
                    return Optional.empty();
                }
                category = Category.INSULT;
            } else if (rule.mode() == Mode.TARGETED) {
                if (target == Target.SELF) {
                    return Optional.empty();
                }
            } else if (target == Target.SECOND) {
                category = Category.INSULT;
            } else if (rule.category() != Category.PROFANITY) {
                return Optional.empty(); // "a pig on the farm", "take out the trash": only insults when aimed at someone
            }
        }
        return Optional.of(new Finding(category, rule.severity(), rule.id(), matched, rule.softer()));
    }

    private Target target(String clause) {
        if (found("target.second", clause)) {
            return Target.SECOND;
        }
        if (found("target.self", clause)) {
            return Target.SELF;
        }
        if (found("target.third", clause)) {
            return Target.THIRD;
        }
        if (found("target.object", clause)) {
            return Target.OBJECT;
        }
        return Target.IMPLICIT;
    }

    private static int[] span(String s, int start, int end, Pattern delimiter) {
        int from = 0;
        Matcher m = delimiter.matcher(s);
        int to = s.length();
        while (m.find()) {
            if (m.end() <= start) {
                from = m.end();
            } else if (m.start() >= end) {
                to = m.start();
                break;
            }
        }
        return new int[] {from, to};
    }

    /** Inside "double" or standalone 'single' quotes (apostrophes inside words are not quotes). */
    private static boolean quoted(String s, int sentenceStart, int start) {
        return quotedBy(s, sentenceStart, start, "\"") || quotedBy(s, sentenceStart, start, "'");
    }

    private static boolean quotedBy(String s, int sentenceStart, int start, String quote) {
        Matcher m = Pattern.compile("(?<=^|\\s)" + Pattern.quote(quote) + "(?=\\s|$)").matcher(s);
        int before = 0;
        boolean after = false;
        while (m.find()) {
            if (m.start() < sentenceStart) {
                continue;
            }
            if (m.start() < start) {
                before++;
            } else {
                after = true;
                break;
            }
        }
        return before % 2 == 1 && after;
    }

    private Pattern context(String name) {
        return contexts.get(name);
    }

    private boolean found(String name, String text) {
        Pattern p = contexts.get(name);
        return p != null && p.matcher(text).find();
    }

    private static boolean overlaps(Pattern p, String text, int start, int end) {
        if (p == null) {
            return false;
        }
        Matcher m = p.matcher(text);
        while (m.find()) {
            if (m.start() < end && m.end() > start) {
                return true;
            }
        }
        return false;
    }

    /** Reads the rules format line by line. */
    private static final class Parser {
        private static final Set<String> CONTEXTS = Set.of("exception", "report", "counter", "mention",
                "negation.before", "negation.after", "target.second", "target.self", "target.third", "target.object");
        private final String language;
        private final String source;
        private boolean loose;
        private boolean wordBoundaries = true;
        private boolean elongation = true;
        private final Map<String, List<String>> lists = new LinkedHashMap<>();
        private final Map<String, List<String>> contextLines = new LinkedHashMap<>();
        private final List<String[]> ruleLines = new ArrayList<>();
        private final Map<ReplyKind, List<String>> replies = new EnumMap<>(ReplyKind.class);
        private String section;
        private String sectionArg;
        private Category category;
        private Mode mode;
        private int lineNo;

        Parser(String language, String source) {
            this.language = language;
            this.source = source;
        }

        void line(int n, String raw) {
            lineNo = n;
            String line = stripComment(raw).strip();
            if (line.isEmpty()) {
                return;
            }
            if (line.startsWith("@")) {
                String[] kv = line.substring(1).split("\\s+", 2);
                String value = kv.length > 1 ? kv[1].strip() : "";
                switch (kv[0]) {
                    case "spacing" -> loose = value.equals("loose");
                    case "boundaries" -> wordBoundaries = value.equals("word");
                    case "elongation" -> elongation = Boolean.parseBoolean(value);
                    default -> fail("unknown option @" + kv[0]);
                }
                return;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                String[] parts = line.substring(1, line.length() - 1).strip().split("\\s+");
                section = parts[0];
                sectionArg = parts.length > 1 ? parts[1] : null;
                switch (section) {
                    case "list" -> lists.computeIfAbsent(arg(), k -> new ArrayList<>());
                    case "context" -> {
                        if (!CONTEXTS.contains(arg())) {
                            fail("unknown context '" + arg() + "'; known: " + CONTEXTS);
                        }
                        contextLines.computeIfAbsent(arg(), k -> new ArrayList<>());
                    }
                    case "rule" -> {
                        if (parts.length != 3) {
                            fail("a rule section is [rule CATEGORY MODE]");
                        }
                        category = Category.fromWire(parts[1]);
                        mode = Mode.valueOf(parts[2].toUpperCase(Locale.ROOT));
                    }
                    case "reply" -> replies.computeIfAbsent(ReplyKind.valueOf(arg().toUpperCase(Locale.ROOT)), k -> new ArrayList<>());
                    default -> fail("unknown section [" + section + "]");
                }
                return;
            }
            if (section == null) {
                fail("a line outside any section");
            }
            switch (section) {
                case "list" -> lists.get(sectionArg).add(line);
                case "context" -> contextLines.get(sectionArg).add(line);
                case "reply" -> replies.get(ReplyKind.valueOf(sectionArg.toUpperCase(Locale.ROOT))).add(raw.strip());
                case "rule" -> {
                    String[] sev = line.split("\\s+", 2);
                    if (sev.length < 2 || !sev[0].matches("0?\\.\\d+|1(\\.0+)?")) {
                        fail("a rule line is 'SEVERITY PATTERN [=> SOFTER]' with SEVERITY from 0 to 1");
                    }
                    String pattern = sev[1];
                    String softer = null;
                    int arrow = pattern.indexOf("=>");
                    if (arrow >= 0) {
                        softer = pattern.substring(arrow + 2).strip();
                        pattern = pattern.substring(0, arrow).strip();
                    }
                    ruleLines.add(new String[] {category.name(), mode.name(), sev[0], pattern, softer, source + ":" + lineNo});
                }
                default -> throw new IllegalStateException(section);
            }
        }

        private String arg() {
            if (sectionArg == null) {
                fail("section [" + section + "] needs a name");
            }
            return sectionArg;
        }

        private static String stripComment(String line) {
            int hash = line.indexOf(" #");
            if (line.startsWith("#")) {
                return "";
            }
            return hash >= 0 ? line.substring(0, hash) : line;
        }

        private void fail(String message) {
            throw new IllegalArgumentException(source + " line " + lineNo + ": " + message);
        }

        LexiconRules build() {
            Map<String, Pattern> contexts = new LinkedHashMap<>();
            contextLines.forEach((name, lines) -> contexts.put(name, compileAll(lines, true)));
            List<Rule> rules = new ArrayList<>();
            Set<String> vocabulary = new HashSet<>();
            for (String[] r : ruleLines) {
                Pattern p = compileAll(List.of(r[3]), true);
                Optional<String> softer = Optional.ofNullable(r[4]);
                rules.add(new Rule(r[5], Category.valueOf(r[0]), Mode.valueOf(r[1]), Double.parseDouble(r[2]), p, softer));
                for (String word : r[3].split("\\s+")) {
                    for (String alt : word.split("\\|")) {
                        if (alt.matches("[a-z]{3,}")) {
                            vocabulary.add(alt);
                        }
                    }
                }
            }
            for (ReplyKind kind : ReplyKind.values()) {
                if (replies.getOrDefault(kind, List.of()).isEmpty()) {
                    throw new IllegalArgumentException(source + ": no [reply " + kind.name().toLowerCase(Locale.ROOT) + "] lines");
                }
            }
            for (List<String> entries : lists.values()) {
                for (String entry : entries) {
                    for (String word : entry.split("\\s+")) {
                        for (String alt : word.split("\\|")) {
                            if (alt.matches("[a-z]{3,}")) {
                                vocabulary.add(alt);
                            }
                        }
                    }
                }
            }
            Map<ReplyKind, List<String>> frozen = new EnumMap<>(ReplyKind.class);
            replies.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
            return new LexiconRules(language, rules, contexts, frozen, vocabulary);
        }

        private Pattern compileAll(List<String> entries, boolean edges) {
            StringBuilder b = new StringBuilder();
            for (String e : entries) {
                if (b.length() > 0) {
                    b.append('|');
                }
                b.append("(?:").append(compile(e, edges, 0)).append(')');
            }
            try {
                return Pattern.compile(b.toString(), Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
            } catch (PatternSyntaxException ex) {
                throw new IllegalArgumentException(source + ": bad pattern among " + entries + ": " + ex.getDescription(), ex);
            }
        }

        private String compile(String entry, boolean edges, int depth) {
            if (depth > 5) {
                fail("lists nested too deeply in '" + entry + "'");
            }
            if (entry.startsWith("re:")) {
                return expand(entry.substring(3).strip(), depth);
            }
            String sep = loose ? "\\s*" : "\\s+";
            StringBuilder b = new StringBuilder();
            String[] words = entry.split("\\s+");
            boolean needSep = false;
            for (String w : words) {
                if (w.equals("..")) {
                    // each skipped word must end in a space, so there is one way to skip: no runaway backtracking
                    b.append(needSep ? sep : "").append("(?:\\S+\\s+){0,3}");
                    needSep = false;
                    continue;
                }
                if (needSep) {
                    b.append(sep);
                }
                b.append(word(w, depth));
                needSep = true;
            }
            String body = b.toString();
            if (edges && wordBoundaries) {
                return "(?<![\\p{L}\\p{N}])" + body + "(?![\\p{L}\\p{N}])";
            }
            return body;
        }

        private String word(String w, int depth) {
            String[] alts = w.split("\\|");
            if (alts.length > 1) {
                StringBuilder b = new StringBuilder("(?:");
                for (int i = 0; i < alts.length; i++) {
                    b.append(i > 0 ? "|" : "").append(word(alts[i], depth));
                }
                return b.append(')').toString();
            }
            Matcher macro = MACRO.matcher(w);
            if (macro.matches()) {
                List<String> list = lists.get(macro.group(1));
                if (list == null) {
                    fail("unknown list {" + macro.group(1) + "}");
                }
                StringBuilder b = new StringBuilder("(?:");
                for (int i = 0; i < list.size(); i++) {
                    b.append(i > 0 ? "|" : "").append(compile(list.get(i), false, depth + 1));
                }
                return b.append(')').toString();
            }
            StringBuilder b = new StringBuilder();
            int lastSyllable = -1;
            for (int i = 0; i < w.length(); i++) {
                if (isOpenSyllable(w.charAt(i))) {
                    lastSyllable = i;
                } else if (w.charAt(i) != '>') {
                    lastSyllable = -1;
                }
            }
            for (int i = 0; i < w.length(); i++) {
                char c = w.charAt(i);
                if (i == lastSyllable) {
                    // a Korean word's last open syllable also matches its conjugated forms: 버리 ~ 버릴, 버린
                    b.append('[').append(c).append('-').append((char) (c + 27)).append(']');
                } else if (c == '?' || c == '*' || c == '(' || c == ')') {
                    fail("'" + c + "' in '" + w + "' is not pattern syntax here: use a|b alternatives, _ for a space, or a re: line");
                } else if (c == '_') {
                    b.append(loose ? "\\s*" : "\\s+");
                } else if (c == '<' && i == 0 || c == '>' && i == w.length() - 1) {
                    b.append(c == '<' ? "(?<![\\p{L}\\p{N}])" : "(?![\\p{L}\\p{N}])");
                } else if (c == '\'') {
                    b.append("'?");
                } else if (c == '-') {
                    b.append("[- ]?");
                } else if (elongation && c >= 'a' && c <= 'z') {
                    b.append(c).append('+');
                } else {
                    b.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return b.toString();
        }

        private static boolean isOpenSyllable(char c) {
            return c >= 0xAC00 && c <= 0xD7A3 && (c - 0xAC00) % 28 == 0;
        }

        private String expand(String regex, int depth) {
            Matcher m = MACRO.matcher(regex);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(b, Matcher.quoteReplacement(word(m.group(), depth)));
            }
            m.appendTail(b);
            return b.toString();
        }
    }
}
