package dev.voicebot.runtime.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.brain.emotion.ProsodySummary;
import dev.voicebot.speech.testing.Espeak;
import dev.voicebot.speech.vad.EndpointerSettings;
import dev.voicebot.speech.vad.SpeechEvent;
import dev.voicebot.speech.vad.SpeechPipeline;
import dev.voicebot.speech.vad.Utterance;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the endpointer measured about a real spoken utterance reaches the brain as a valid emotion cue. */
class ProsodyCueTest {
    @Test
    void spokenUtteranceBecomesAProsodySummary() {
        float[] clip = Espeak.say("en", "why did you do that again");
        float[] audio = new float[clip.length + 32_000];
        System.arraycopy(clip, 0, audio, 8_000, clip.length);
        SpeechPipeline pipeline = new SpeechPipeline(EndpointerSettings.defaults());
        List<SpeechEvent> events = new ArrayList<>(pipeline.accept(audio));
        events.addAll(pipeline.finish());
        List<Utterance> utterances = events.stream().filter(e -> e instanceof SpeechEvent.UtteranceEnded)
                .map(e -> ((SpeechEvent.UtteranceEnded) e).utterance()).toList();
        assertEquals(1, utterances.size(), events.toString());
        Optional<ProsodySummary> cue = VoiceLoop.prosodyOf(utterances.get(0));
        assertTrue(cue.isPresent());
        assertTrue(cue.get().pitchMeanHz() > 50 && cue.get().pitchMeanHz() < 400, cue.toString());
        assertTrue(cue.get().syllablesPerSecond() > 0, cue.toString());
        assertTrue(cue.get().energyDb() < 0 && cue.get().energyDb() > -120, cue.toString());
    }
}
