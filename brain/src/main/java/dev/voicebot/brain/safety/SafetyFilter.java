package dev.voicebot.brain.safety;

import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.config.SafetyConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The safety filter outside the LLM: it checks what the user said before the LLM sees it and every
 * sentence the robot is about to say, with language rule bundles and an optional model stage.
 * Thread-safe and without native resources.
 *
 * <p>Input that reaches {@link SafetyConfig#inputThreshold()} is {@link Verdict.Block blocked} with a
 * reply in the user's language: calm after abuse, firm after a threat, supportive with the configured
 * help lines after self-harm. Output at {@link SafetyConfig#outputBlockThreshold()} is blocked with a
 * safe fallback; lower findings are {@link Verdict.Rewrite rewritten} into softer words when every
 * one of them has a softer form, else blocked.
 */
public final class SafetyFilter {
    private static final Logger LOG = LoggerFactory.getLogger(SafetyFilter.class);
    private static final double OUTPUT_REWRITE_FLOOR = 0.3;
    /** Which reply answers which category, most serious first. */
    private static final List<Category> PRIORITY = List.of(Category.SELF_HARM, Category.THREAT,
            Category.IDENTITY_ATTACK, Category.SEXUAL, Category.INSULT, Category.PROFANITY);

    private final SafetyConfig config;
    private final Map<String, LanguageRules> bundles;
    private final SafetyClassifier classifier;
    private final TextNormalizer normalizer;

    public SafetyFilter(SafetyConfig config, List<LanguageRules> bundles, SafetyClassifier classifier) {
        this.config = ensureNotNull(config, "config");
        ensureNotNull(bundles, "bundles");
        if (bundles.isEmpty()) {
            throw new IllegalArgumentException("the safety filter needs at least one language bundle");
        }
        Map<String, LanguageRules> byLanguage = new LinkedHashMap<>();
        Set<String> vocabulary = new HashSet<>();
        for (LanguageRules b : bundles) {
            byLanguage.put(b.language(), b);
            vocabulary.addAll(b.maskVocabulary());
        }
        this.bundles = Map.copyOf(byLanguage);
        this.classifier = ensureNotNull(classifier, "classifier");
        this.normalizer = new TextNormalizer(vocabulary);
    }

    /** English and Korean rules, no model stage. */
    public static SafetyFilter withDefaultRules(SafetyConfig config) {
        return new SafetyFilter(config, List.of(LexiconRules.load("en"), LexiconRules.load("ko")), SafetyClassifier.NONE);
    }

    /** The languages the filter has rules (and replies) for. */
    public Set<String> languages() {
        return bundles.keySet();
    }

    /** What the user said; {@code language} picks the language of the reply. */
    public Verdict checkInput(String text, String language) {
        return check(text, Direction.INPUT, language);
    }

    /** A whole reply the robot is about to say, sentence by sentence. One blocked sentence blocks it all. */
    public Verdict checkOutput(String text, String language) {
        ensureNotNull(text, "text");
        List<String> sentences = SentenceSplitter.split(text);
        if (sentences.size() <= 1) {
            return checkOutputSentence(text, language);
        }
        StringBuilder rewritten = new StringBuilder();
        Set<Category> categories = EnumSet.noneOf(Category.class);
        double score = 0;
        boolean changed = false;
        for (String sentence : sentences) {
            Verdict v = checkOutputSentence(sentence, language);
            if (v instanceof Verdict.Block) {
                return v;
            }
            categories.addAll(v.categories());
            score = Math.max(score, v.score());
            if (rewritten.length() > 0) {
                rewritten.append(' ');
            }
            if (v instanceof Verdict.Rewrite r) {
                rewritten.append(r.text());
                changed = true;
            } else {
                rewritten.append(sentence);
            }
        }
        return changed ? new Verdict.Rewrite(rewritten.toString(), categories, score) : new Verdict.Allow(categories, score);
    }

    /** One sentence of a (streamed) reply, before it is spoken. */
    public Verdict checkOutputSentence(String sentence, String language) {
        return check(sentence, Direction.OUTPUT, language);
    }

    public Verdict check(String text, Direction direction, String language) {
        ensureNotNull(text, "text");
        ensureNotNull(direction, "direction");
        String lang = replyLanguage(language);
        if (!config.enabled() || text.isBlank()) {
            return Verdict.Allow.clean();
        }
        List<Finding> findings = findings(text, direction, lang);
        double score = findings.stream().mapToDouble(Finding::severity).max().orElse(0.0);
        Set<Category> categories = categories(findings);
        if (direction == Direction.INPUT) {
            if (score < config.inputThreshold()) {
                return new Verdict.Allow(categories, score);
            }
            return new Verdict.Block(inputReply(categories, lang, text), categories, score);
        }
        if (score < OUTPUT_REWRITE_FLOOR) {
            return new Verdict.Allow(categories, score);
        }
        if (score >= config.outputBlockThreshold()) {
            return new Verdict.Block(pick(lang, LanguageRules.ReplyKind.FALLBACK, text), categories, score);
        }
        Optional<String> softened = soften(text, findings);
        if (softened.isPresent() && findings(softened.get(), Direction.OUTPUT, lang).stream()
                .noneMatch(f -> f.severity() >= OUTPUT_REWRITE_FLOOR)) {
            return new Verdict.Rewrite(softened.get(), categories, score);
        }
        return new Verdict.Block(pick(lang, LanguageRules.ReplyKind.FALLBACK, text), categories, score);
    }

    /** Every finding of every bundle and the model stage, for diagnostics and evaluation. */
    public List<Finding> findings(String text, Direction direction, String language) {
        NormalizedText normalized = normalizer.normalize(text);
        List<Finding> out = new ArrayList<>();
        for (LanguageRules b : bundles.values()) {
            out.addAll(b.scan(normalized, direction));
        }
        Map<Category, Double> model;
        try {
            model = classifier.score(text, direction, language);
        } catch (RuntimeException e) {
            LOG.warn("safety classifier failed on a {} text; the rules alone decide", direction.wire(), e);
            model = Map.of();
        }
        if (model != null) {
            for (Map.Entry<Category, Double> e : model.entrySet()) {
                double s = e.getValue() == null || !Double.isFinite(e.getValue()) ? 0 : Math.max(0, Math.min(1, e.getValue()));
                if (s > 0) {
                    out.add(new Finding(e.getKey(), s, "classifier", "", Optional.empty()));
                }
            }
        }
        return out;
    }

    private static Set<Category> categories(List<Finding> findings) {
        Set<Category> set = EnumSet.noneOf(Category.class);
        findings.forEach(f -> set.add(f.category()));
        return set;
    }

    private String inputReply(Set<Category> categories, String lang, String text) {
        Category top = PRIORITY.stream().filter(categories::contains).findFirst().orElse(Category.INSULT);
        return switch (top) {
            case SELF_HARM -> {
                List<String> parts = new ArrayList<>();
                parts.add(pick(lang, LanguageRules.ReplyKind.SUPPORTIVE, text));
                parts.addAll(config.helpFor(lang));
                yield String.join(" ", parts);
            }
            case THREAT -> pick(lang, LanguageRules.ReplyKind.THREAT, text);
            case IDENTITY_ATTACK -> pick(lang, LanguageRules.ReplyKind.IDENTITY, text);
            case SEXUAL -> pick(lang, LanguageRules.ReplyKind.SEXUAL, text);
            case INSULT, PROFANITY -> pick(lang, LanguageRules.ReplyKind.CALM, text);
        };
    }

    /** A stable choice among a bundle's variants, so the same text gets the same reply. */
    private String pick(String lang, LanguageRules.ReplyKind kind, String text) {
        List<String> variants = bundles.get(lang).replies(kind);
        return variants.get(Math.floorMod(text.hashCode(), variants.size()));
    }

    private String replyLanguage(String language) {
        if (language != null) {
            String l = language.strip().toLowerCase(Locale.ROOT);
            if (bundles.containsKey(l)) {
                return l;
            }
        }
        return bundles.containsKey("en") ? "en" : bundles.keySet().iterator().next();
    }

    /**
     * Replaces each finding's words in the original text by its softer form. Empty when a finding
     * has no softer form or its words cannot be found in the original spelling.
     */
    static Optional<String> soften(String text, List<Finding> findings) {
        String out = text;
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparingInt((Finding f) -> f.matched().length()).reversed());
        List<String> replaced = new ArrayList<>();
        for (Finding f : sorted) {
            if (replaced.stream().anyMatch(r -> r.contains(f.matched()))) {
                continue; // "damn" inside "damn it", already softened
            }
            if (f.softer().isEmpty() || f.matched().isBlank()) {
                return Optional.empty();
            }
            Pattern p = originalSpelling(f.matched());
            Matcher m = p.matcher(out);
            if (!m.find()) {
                return Optional.empty();
            }
            out = m.replaceAll(Matcher.quoteReplacement(f.softer().get()));
            replaced.add(f.matched());
        }
        out = tidy(out);
        return out.isBlank() ? Optional.empty() : Optional.of(out);
    }

    private static Pattern originalSpelling(String normalized) {
        StringBuilder b = new StringBuilder("(?<![\\p{L}])");
        for (String word : normalized.strip().split("\\s+")) {
            if (b.length() > 13) {
                b.append("\\s*");
            }
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if (Character.isLetter(c) && c < 0x80) {
                    b.append(Pattern.quote(String.valueOf(c))).append('+');
                } else {
                    b.append(Pattern.quote(String.valueOf(c)));
                }
            }
        }
        boolean latinEnd = normalized.strip().chars().reduce((a, c) -> c).orElse(' ') < 0x80;
        if (latinEnd) {
            b.append("(?![\\p{L}])");
        }
        return Pattern.compile(b.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String tidy(String s) {
        String out = s.replaceAll("[ \\t]{2,}", " ").replaceAll(" +([,.!?;:])", "$1").replaceAll("[,;:]+([.!?])", "$1")
                .replaceAll(",{2,}", ",").replaceAll("^[ ,;:]+", "")
                .replaceAll("\\b([Aa]) ([aeiouAEIOU])", "$1n $2").replaceAll("\\b([Aa])n ([^aeiouAEIOU\\s])", "$1 $2").strip();
        if (!out.isEmpty() && Character.isLowerCase(out.charAt(0)) && Character.isUpperCase(s.strip().isEmpty() ? 'a' : s.strip().charAt(0))) {
            out = Character.toUpperCase(out.charAt(0)) + out.substring(1);
        }
        return out;
    }
}
