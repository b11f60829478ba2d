package dev.voicebot.speech.vad;

import dev.voicebot.speech.features.Frame;

/** Sees every analysed frame with its voice-activity decision (for example a keyword spotter). */
@FunctionalInterface
public interface FrameListener {
    void onFrame(Frame frame, VadDecision decision);
}
