package dev.voicebot.speech.transcribe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voicebot.speech.features.Prosody;
import dev.voicebot.speech.guard.RejectReason;
import java.util.Optional;

/**
 * One detected utterance of a file, as {@code robot transcribe} prints it:
 * {@code {"file","startMs","endMs","text","language","languageProbability","prosody":{...}}}.
 * With {@code --vad-only} the ASR fields are absent; a transcript dropped by the guards has
 * {@code "text": null} and {@code "rejected": {"reason","detail"}}.
 *
 * @param asr empty for VAD-only
 */
public record TranscriptionRecord(String file, long startMs, long endMs, Prosody prosody, Optional<Asr> asr) {

    /**
     * @param text                null when rejected
     * @param language            null when unknown
     * @param languageProbability NaN when not from automatic identification
     */
    public record Asr(String text, String language, double languageProbability, boolean translated,
                      Optional<RejectReason> rejected, String rejectDetail) {
    }

    public ObjectNode toJson(ObjectMapper json) {
        ObjectNode o = json.createObjectNode();
        o.put("file", file);
        o.put("startMs", startMs);
        o.put("endMs", endMs);
        asr.ifPresent(a -> {
            o.put("text", a.text());
            o.put("language", a.language());
            putNumber(o, "languageProbability", a.languageProbability(), 3);
            if (a.translated()) {
                o.put("translated", true);
            }
            a.rejected().ifPresent(r -> {
                ObjectNode rej = o.putObject("rejected");
                rej.put("reason", r.name());
                rej.put("detail", a.rejectDetail());
            });
        });
        ObjectNode p = o.putObject("prosody");
        putNumber(p, "pitchMeanHz", prosody.pitchMeanHz(), 1);
        putNumber(p, "pitchLowHz", prosody.pitchLowHz(), 1);
        putNumber(p, "pitchHighHz", prosody.pitchHighHz(), 1);
        putNumber(p, "pitchRangeSemitones", prosody.pitchRangeSemitones(), 2);
        putNumber(p, "energyMeanDb", prosody.energyMeanDb(), 1);
        putNumber(p, "energyRangeDb", prosody.energyRangeDb(), 1);
        p.put("syllables", prosody.syllables());
        putNumber(p, "speakingRate", prosody.speakingRate(), 2);
        putNumber(p, "voicedFraction", prosody.voicedFraction(), 2);
        return o;
    }

    private static void putNumber(ObjectNode o, String name, double v, int decimals) {
        if (Double.isFinite(v)) {
            double scale = Math.pow(10, decimals);
            o.put(name, Math.round(v * scale) / scale);
        } else {
            o.putNull(name);
        }
    }
}
