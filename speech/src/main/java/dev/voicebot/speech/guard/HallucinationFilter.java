package dev.voicebot.speech.guard;

import dev.voicebot.speech.asr.Transcript;
import dev.voicebot.speech.vad.Utterance.VoiceStats;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Guards against Whisper's best-known failure: fluent text invented on silence or noise.
 *
 * <ul>
 * <li>Before decoding ({@link #beforeDecoding}): no ASR call without voice activity.</li>
 * <li>After ({@link #afterDecoding}): empty text, non-speech annotations, repetition loops, and known
 *     hallucination phrases in English and Korean ("Thank you for watching", "시청해주셔서 감사합니다",
 *     "구독과 좋아요", "MBC 뉴스 ...") heard while the speech was quiet (mean level less than
 *     {@value #LOW_SNR_DB} dB above the noise floor or below {@value #LOW_LEVEL_DBFS} dBFS) or while
 *     Whisper's language identification was unsure (p &lt; {@value #LOW_LANGUAGE_PROBABILITY}).</li>
 * </ul>
 *
 * <p>Whisper's own "no speech" probability and token log-probabilities are not exposed by whisper-jni
 * 1.7.1 (and whisper.cpp 1.7.1 ignores {@code no_speech_thold}); the confidence signal used here is
 * the language-identification probability, which drops on non-speech, together with our own VAD
 * measurements. A loud, clear "thank you" is kept: people do say it.
 */
public final class HallucinationFilter {
    static final double LOW_SNR_DB = 15;
    static final double LOW_LEVEL_DBFS = -50;
    static final double LOW_LANGUAGE_PROBABILITY = 0.5;
    private static final int MIN_SPEECH_FRAMES = 10;
    private static final double MIN_PEAK_SNR_DB = 6;

    /** Phrases matched anywhere in the transcript (compared without spaces, punctuation or case). */
    private static final List<String> PHRASES = List.of(
            // English
            "thank you for watching", "thanks for watching", "thank you so much for watching", "thank you for listening",
            "please subscribe", "subscribe to my channel", "like and subscribe", "don't forget to subscribe",
            "see you in the next video", "see you next time", "subtitles by", "amara.org", "transcribed by",
            "captions by", "transcription by", "www.",
            // Korean
            "시청해주셔서 감사합니다", "시청해 주셔서 감사합니다", "시청해주셔서 고맙습니다", "시청 감사합니다",
            "구독과 좋아요", "구독 좋아요", "좋아요와 구독", "구독 부탁", "구독해주세요", "알림 설정",
            "mbc 뉴스", "kbs 뉴스", "sbs 뉴스", "ytn 뉴스", "jtbc 뉴스", "뉴스 이덕영입니다",
            "다음 영상에서 만나요", "다음 시간에 만나요", "끝까지 시청", "자막 제공", "한글 자막", "자막 by", "영상 편집");
    /** Whole transcripts that are suspicious only when they are all there is. */
    private static final List<String> WHOLE = List.of(
            "thank you", "thanks", "thank you very much", "thank you so much", "you", "bye", "bye bye", "the end", "so",
            "감사합니다", "고맙습니다", "감사합니다 감사합니다", "네", "아");

    /** Rejects an utterance that should not be decoded at all. */
    public Optional<Rejection> beforeDecoding(VoiceStats voice) {
        if (voice.speechFrames() < MIN_SPEECH_FRAMES || voice.peakSnrDb() < MIN_PEAK_SNR_DB) {
            return Optional.of(new Rejection(RejectReason.NO_VOICE_ACTIVITY, String.format(Locale.ROOT,
                    "%d speech frames, peak %.1f dB above noise (need %d and %.0f dB)", voice.speechFrames(), voice.peakSnrDb(),
                    MIN_SPEECH_FRAMES, MIN_PEAK_SNR_DB)));
        }
        return Optional.empty();
    }

    /** Rejects a transcript that is probably not what was said. */
    public Optional<Rejection> afterDecoding(Transcript transcript, VoiceStats voice) {
        String text = transcript.text().strip();
        if (text.isEmpty()) {
            return Optional.of(new Rejection(RejectReason.EMPTY_TRANSCRIPT, "Whisper returned no text"));
        }
        String spoken = text.replaceAll("\\[[^\\]]*\\]|\\([^)]*\\)|\\*[^*]*\\*|[♪♫♬🎵🎶]", " ").strip();
        if (compact(spoken).isEmpty()) {
            return Optional.of(new Rejection(RejectReason.NON_SPEECH_ANNOTATION, "only a non-speech annotation: \"" + text + "\""));
        }
        Optional<String> loop = repetition(spoken);
        if (loop.isPresent()) {
            return Optional.of(new Rejection(RejectReason.REPETITION_LOOP, loop.get() + ": \"" + abbreviate(text) + "\""));
        }
        String c = compact(spoken);
        String matched = null;
        for (String p : PHRASES) {
            if (c.contains(compact(p))) {
                matched = p;
                break;
            }
        }
        if (matched == null) {
            for (String w : WHOLE) {
                if (c.equals(compact(w))) {
                    matched = w;
                    break;
                }
            }
        }
        if (matched != null) {
            boolean quiet = voice.meanSnrDb() < LOW_SNR_DB || voice.meanEnergyDb() < LOW_LEVEL_DBFS;
            boolean unsure = transcript.languageProbability() < LOW_LANGUAGE_PROBABILITY; // false for NaN
            if (quiet || unsure) {
                return Optional.of(new Rejection(RejectReason.KNOWN_HALLUCINATION, String.format(Locale.ROOT,
                        "\"%s\" matches the known hallucination \"%s\" while %s", abbreviate(text), matched,
                        quiet ? String.format(Locale.ROOT, "the speech was quiet (%.1f dB above noise, %.1f dBFS)", voice.meanSnrDb(), voice.meanEnergyDb())
                              : String.format(Locale.ROOT, "language identification was unsure (p = %.2f)", transcript.languageProbability()))));
            }
        }
        return Optional.empty();
    }

    /** Lower case, NFKC, letters and digits only (no spaces or punctuation), so spacing variants match. */
    static String compact(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(n.length());
        n.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    private static Optional<String> repetition(String text) {
        String[] words = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[\\p{P}\\p{S}]", " ").trim().split("\\s+");
        for (int n = 1; n <= 4; n++) {
            int repeats = 1;
            for (int i = n; i + n <= words.length; i += n) {
                boolean same = true;
                for (int k = 0; k < n; k++) {
                    same &= words[i + k].equals(words[i - n + k]);
                }
                repeats = same ? repeats + 1 : 1;
                if (repeats >= 4) {
                    return Optional.of("the same " + (n == 1 ? "word" : n + " words") + " repeated " + repeats + " times");
                }
            }
        }
        int run = 1;
        for (int i = 1; i < text.length(); i++) {
            run = text.charAt(i) == text.charAt(i - 1) && !Character.isWhitespace(text.charAt(i)) ? run + 1 : 1;
            if (run >= 12) {
                return Optional.of("one character repeated " + run + " times");
            }
        }
        return Optional.empty();
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
