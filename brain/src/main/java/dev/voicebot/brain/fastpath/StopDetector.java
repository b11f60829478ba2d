package dev.voicebot.brain.fastpath;

import java.util.List;
import java.util.Set;

/**
 * Finds a stop request anywhere in an utterance, in either language. Deliberately eager: "don't stop
 * believing", "stop sign" or "멈추지 마" also count, because stopping by mistake is cheap and missing
 * a real stop is not. English stop words count as whole words ("stopwatch" is not one); Korean stop
 * stems count anywhere in the text with spaces removed, since speech recognition glues Korean words
 * ("잠깐멈춰"). "Don't move" / "움직이지 마" are stop requests too.
 */
final class StopDetector {
    private static final Set<String> ENGLISH_WORDS = Set.of("stop", "halt", "freeze");
    private static final List<String> ENGLISH_PHRASES = List.of("dont move", "do not move");
    private static final List<String> KOREAN_STEMS = List.of("멈춰", "멈추", "멈춤", "정지", "그만", "스톱", "스탑", "움직이지마");
    /** Words that contain a stop stem but do not mean stop. */
    private static final List<String> KOREAN_NOT_STOP = List.of("그만큼", "그만한");

    boolean isStop(NormalizedText text) {
        for (String token : text.tokens()) {
            if (ENGLISH_WORDS.contains(token)) {
                return true;
            }
        }
        String spaced = " " + text.text() + " ";
        for (String phrase : ENGLISH_PHRASES) {
            if (spaced.contains(" " + phrase + " ")) {
                return true;
            }
        }
        if (!text.hangul()) {
            return false;
        }
        String compact = text.compact();
        for (String not : KOREAN_NOT_STOP) {
            compact = compact.replace(not, " ");
        }
        for (String stem : KOREAN_STEMS) {
            if (compact.contains(stem)) {
                return true;
            }
        }
        return false;
    }
}
