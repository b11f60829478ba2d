package dev.voicebot.speech.vad;

import dev.voicebot.speech.audio.Pcm16k;
import dev.voicebot.speech.features.Prosody;

/**
 * One endpointed stretch of speech.
 *
 * @param startMs      detected speech onset, ms from stream start
 * @param endMs        end of the last speech frame
 * @param audioStartMs where {@code samples} begin: {@code startMs} minus the pre-roll (not before 0)
 * @param samples      16 kHz mono audio from {@code audioStartMs}, through the onset, to the end of the hangover
 * @param prosody      pitch, energy and rate summary
 * @param voice        levels the hallucination guards use
 * @param endReason    why the utterance ended
 */
public record Utterance(long startMs, long endMs, long audioStartMs, float[] samples, Prosody prosody, VoiceStats voice,
                        EndReason endReason) {

    public enum EndReason {
        /** The hangover of silence passed. */
        SILENCE,
        /** The maximum utterance length was reached while speech went on. */
        MAX_LENGTH,
        /** The audio stream ended. */
        END_OF_STREAM
    }

    /**
     * @param speechFrames  10 ms frames judged speech
     * @param noiseFloorDb  full-band noise floor, dBFS
     * @param meanEnergyDb  mean level of the speech frames, dBFS
     * @param peakSnrDb     the largest band level above its noise floor seen in the utterance
     */
    public record VoiceStats(int speechFrames, double noiseFloorDb, double meanEnergyDb, double peakSnrDb) {
        public double meanSnrDb() {
            return meanEnergyDb - noiseFloorDb;
        }
    }

    public long durationMs() {
        return endMs - startMs;
    }

    public long audioEndMs() {
        return audioStartMs + samples.length / Pcm16k.SAMPLES_PER_MS;
    }
}
