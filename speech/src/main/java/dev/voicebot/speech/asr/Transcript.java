package dev.voicebot.speech.asr;

import java.util.List;

/**
 * What Whisper heard.
 *
 * @param text                 the text, trimmed (may be empty)
 * @param language             the language the text is in (after any allowed-language re-decode); for a translation,
 *                             the spoken language (the text is English)
 * @param languageProbability  Whisper's probability for {@code language} from automatic identification, or NaN when
 *                             the language was given, forced by the allowed list, or could not be read
 * @param detectedLanguage     what automatic identification said (null when the language was given)
 * @param detectedProbability  its probability (NaN when unknown)
 * @param translated           the text is an English translation
 * @param segments             Whisper's segments, times relative to the decoded audio
 * @param audioMs              length of the audio decoded (before padding)
 */
public record Transcript(String text, String language, double languageProbability, String detectedLanguage,
                         double detectedProbability, boolean translated, List<Segment> segments, long audioMs) {

    public Transcript {
        segments = List.copyOf(segments);
    }

    /** One Whisper segment; times in ms from the start of the decoded audio. */
    public record Segment(long startMs, long endMs, String text) {
    }

    /** The language was re-decoded because automatic identification chose one outside the allowed list. */
    public boolean languageForced() {
        return detectedLanguage != null && !detectedLanguage.equals(language);
    }
}
