package dev.voicebot.brain.emotion;

import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.brain.safety.NormalizedText;
import dev.voicebot.brain.safety.TextNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Estimates the emotion of an utterance from its words (English and Korean lexicons in
 * {@code dev/voicebot/brain/emotion/*.emotion}) and, when given, how it sounded. Words decide which
 * emotion; prosody mostly decides how strong, and tips a close call between sadness (low arousal) and
 * anger, fear or joy (high arousal). Lexicon lines are {@code EMOTION WEIGHT phrase}, or
 * {@code intensifier phrase} and {@code negator phrase}; Korean phrases match inside words unless
 * marked with {@code <} (word start) or {@code >} (word end). Thread-safe.
 */
public final class EmotionEstimator {
    private record Cue(Emotion emotion, double weight, Pattern pattern) {
    }

    private final List<Cue> cues = new ArrayList<>();
    private final List<Pattern> intensifiers = new ArrayList<>();
    private final List<Pattern> negators = new ArrayList<>();
    private final TextNormalizer normalizer = new TextNormalizer(Set.of());
    private final ProsodySummary baseline;

    /** English and Korean lexicons, compared with a typical speaker. */
    public EmotionEstimator() {
        this(ProsodySummary.typicalSpeaker(), List.of("en", "ko"));
    }

    /** @param baseline how this speaker sounds when calm, for prosody comparisons */
    public EmotionEstimator(ProsodySummary baseline, List<String> languages) {
        this.baseline = ensureNotNull(baseline, "baseline");
        for (String language : ensureNotNull(languages, "languages")) {
            load(language);
        }
    }

    public EmotionEstimate estimate(String text) {
        return estimate(text, Optional.empty());
    }

    public EmotionEstimate estimate(String text, Optional<ProsodySummary> prosody) {
        ensureNotNull(text, "text");
        ensureNotNull(prosody, "prosody");
        NormalizedText n = normalizer.normalize(text);
        String s = " " + n.text() + " ";
        Map<Emotion, Double> raw = new EnumMap<>(Emotion.class);
        for (Cue cue : cues) {
            Matcher m = cue.pattern().matcher(s);
            while (m.find()) {
                String before = s.substring(Math.max(0, m.start() - 24), m.start());
                String after = s.substring(m.end(), Math.min(s.length(), m.end() + 12));
                double w = cue.weight();
                if (anyFind(intensifiers, before)) {
                    w *= 1.5;
                }
                if (anyFind(negators, before) || anyFind(negators, after)) {
                    // "not happy" is not joy; "not angry" is not anger: drop the cue, lean on neutral
                    continue;
                }
                raw.merge(cue.emotion(), w, Double::sum);
            }
        }
        int exclamations = (int) text.chars().filter(c -> c == '!' || c == '！').count();
        long letters = text.chars().filter(Character::isLetter).count();
        long upper = text.chars().filter(Character::isUpperCase).count();
        double emphasis = Math.min(0.3, 0.1 * exclamations) + (letters >= 6 && upper * 10 >= letters * 7 ? 0.2 : 0);
        double arousal = prosody.map(p -> p.arousal(baseline)).orElse(0.0);
        if (arousal > 0) {
            raw.computeIfPresent(Emotion.ANGER, (k, v) -> v * (1 + arousal));
            raw.computeIfPresent(Emotion.FEAR, (k, v) -> v * (1 + 0.6 * arousal));
            raw.computeIfPresent(Emotion.JOY, (k, v) -> v * (1 + 0.6 * arousal));
            raw.computeIfPresent(Emotion.SADNESS, (k, v) -> v * (1 - 0.5 * arousal));
        } else if (arousal < 0) {
            raw.computeIfPresent(Emotion.SADNESS, (k, v) -> v * (1 - arousal));
            raw.computeIfPresent(Emotion.ANGER, (k, v) -> v * (1 + 0.5 * arousal));
        }
        Map<Emotion, Double> scores = new EnumMap<>(Emotion.class);
        Emotion best = Emotion.NEUTRAL;
        double bestScore = 0;
        for (Map.Entry<Emotion, Double> e : raw.entrySet()) {
            double score = 1 - Math.exp(-e.getValue());
            scores.put(e.getKey(), score);
            if (score > bestScore) {
                best = e.getKey();
                bestScore = score;
            }
        }
        if (best == Emotion.NEUTRAL || bestScore < 0.2) {
            scores.put(Emotion.NEUTRAL, 1 - bestScore);
            return new EmotionEstimate(Emotion.NEUTRAL, 0, scores, clamp(arousal, -1, 1));
        }
        double intensity = clamp(bestScore + emphasis + 0.25 * Math.abs(arousal), 0, 1);
        scores.put(Emotion.NEUTRAL, clamp(1 - bestScore, 0, 1));
        return new EmotionEstimate(best, intensity, scores, clamp(arousal, -1, 1));
    }

    private static boolean anyFind(List<Pattern> patterns, String text) {
        for (Pattern p : patterns) {
            if (p.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private void load(String language) {
        String resource = "/dev/voicebot/brain/emotion/" + language + ".emotion";
        try (InputStream in = EmotionEstimator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no emotion lexicon for language '" + language + "' (missing " + resource + ")");
            }
            boolean hangul = language.equals("ko");
            int n = 0;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                n++;
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] f = l.split("\\s+", 3);
                if (f[0].equals("intensifier") || f[0].equals("negator")) {
                    Pattern p = phrase(l.split("\\s+", 2)[1], hangul);
                    (f[0].equals("intensifier") ? intensifiers : negators).add(p);
                    continue;
                }
                if (f.length < 3) {
                    throw new IllegalArgumentException(resource + " line " + n + ": expected 'EMOTION WEIGHT phrase'");
                }
                try {
                    cues.add(new Cue(Emotion.fromWire(f[0]), Double.parseDouble(f[1]), phrase(f[2], hangul)));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(resource + " line " + n + ": bad weight '" + f[1] + "'", e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** English phrases match whole words; Korean ones anywhere in a word (particles attach). */
    private static Pattern phrase(String phrase, boolean hangul) {
        String p = phrase.strip();
        boolean start = !hangul || p.startsWith("<");
        boolean end = !hangul || p.endsWith(">");
        p = p.replaceAll("^<|>$", "");
        String body = Pattern.quote(p).replace(" ", "\\E\\s*\\Q");
        return Pattern.compile((start ? "(?<![\\p{L}])" : "") + body + (end ? "(?![\\p{L}])" : ""));
    }
}
