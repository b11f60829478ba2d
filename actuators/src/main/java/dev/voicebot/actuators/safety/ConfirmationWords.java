package dev.voicebot.actuators.safety;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises a short spoken or typed answer to "shall I?" in English or Korean: yes ("yes", "ok",
 * "go ahead", "네", "응", "좋아", ...) or no ("no", "cancel", "아니요", "취소", ...). Anything longer than a
 * few words, or anything else, is not an answer.
 */
public final class ConfirmationWords {
    private static final int MAX_WORDS = 4;
    private static final Set<String> YES = Set.of("yes", "yeah", "yep", "yup", "sure", "ok", "okay", "confirm", "confirmed",
            "affirmative", "proceed", "네", "예", "응", "어", "그래", "좋아", "좋아요", "맞아", "맞아요", "확인", "네네", "넵", "그래요", "진행해", "해줘");
    private static final List<String> YES_PHRASES = List.of("go ahead", "do it", "please do", "yes please");
    // Stop words ("stop", "멈춰", "그만") are deliberately not answers: they must reach the brain and stop the robot.
    private static final Set<String> NO = Set.of("no", "nope", "nah", "cancel", "don't", "dont", "negative", "abort",
            "아니", "아니요", "아니오", "아뇨", "취소", "싫어", "하지마", "안돼");
    private static final List<String> NO_PHRASES = List.of("do not", "never mind", "하지 마");

    /** A yes or a no. */
    public enum Answer { YES, NO }

    private ConfirmationWords() {
    }

    public static Optional<Answer> answer(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .replaceAll("[\\p{Punct}&&[^']]+|[。、！？…~]+", " ").replaceAll("\\s+", " ").strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        String[] words = t.split(" ");
        if (words.length > MAX_WORDS) {
            return Optional.empty();
        }
        for (String phrase : NO_PHRASES) {
            if (t.startsWith(phrase)) {
                return Optional.of(Answer.NO);
            }
        }
        if (NO.contains(words[0]) || Arrays.stream(words).anyMatch(w -> w.equals("not") || w.equals("안"))) {
            return Optional.of(Answer.NO);
        }
        for (String phrase : YES_PHRASES) {
            if (t.startsWith(phrase)) {
                return Optional.of(Answer.YES);
            }
        }
        if (YES.contains(words[0])) {
            return Optional.of(Answer.YES);
        }
        return Optional.empty();
    }
}
