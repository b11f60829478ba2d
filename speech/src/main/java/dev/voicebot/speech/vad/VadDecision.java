package dev.voicebot.speech.vad;

/**
 * The voice-activity verdict for one frame.
 *
 * @param speech       the frame sounds like speech (some band well above its noise floor)
 * @param snrDb        the largest band level above its noise floor, dB
 * @param noiseFloorDb the full-band noise floor estimate, dBFS
 */
public record VadDecision(boolean speech, float snrDb, float noiseFloorDb) {
}
