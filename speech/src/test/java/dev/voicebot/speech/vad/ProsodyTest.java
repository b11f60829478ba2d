package dev.voicebot.speech.vad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.speech.features.Prosody;
import dev.voicebot.speech.testing.Espeak;
import dev.voicebot.speech.testing.Scene;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The prosody summary follows how espeak-ng was told to speak. */
class ProsodyTest {
    private static final String COUNTING = "one two three four five six seven eight";

    private static Prosody prosodyOf(float[] clip) {
        Scene s = new Scene(clip.length / 16_000.0 + 2).place(clip, 1000);
        List<Utterance> us = EndpointerTest.utterances(EndpointerTest.run(s.clean(), EndpointerSettings.defaults(), 320));
        assertEquals(1, us.size(), "one utterance");
        return us.get(0).prosody();
    }

    @Test
    void speakingRateFollowsTheSpeechRate() {
        Prosody slow = prosodyOf(Espeak.say("en", COUNTING, 110, 50));
        Prosody fast = prosodyOf(Espeak.say("en", COUNTING, 260, 50));
        // nine syllables either way
        assertTrue(slow.syllables() >= 6 && slow.syllables() <= 12, "slow: " + slow);
        assertTrue(fast.syllables() >= 6 && fast.syllables() <= 12, "fast: " + fast);
        assertTrue(fast.speakingRate() > 1.6 * slow.speakingRate(), "fast " + fast.speakingRate() + " vs slow " + slow.speakingRate());
        assertTrue(slow.speakingRate() > 1.5 && fast.speakingRate() < 9, slow.speakingRate() + " / " + fast.speakingRate());
    }

    @Test
    void pitchFollowsTheVoicePitch() {
        Prosody low = prosodyOf(Espeak.say("en", COUNTING, 175, 15));
        Prosody high = prosodyOf(Espeak.say("en", COUNTING, 175, 85));
        assertTrue(low.pitchMeanHz() > 60 && low.pitchMeanHz() < 200, low.toString());
        assertTrue(high.pitchMeanHz() > 1.25 * low.pitchMeanHz(), "high " + high.pitchMeanHz() + " low " + low.pitchMeanHz());
        assertTrue(low.pitchLowHz() <= low.pitchMeanHz() && low.pitchMeanHz() <= low.pitchHighHz());
        assertTrue(low.pitchRangeSemitones() > 0.5 && low.pitchRangeSemitones() < 24, low.toString());
        assertTrue(low.voicedFraction() > 0.3, low.toString());
    }

    @Test
    void energyFollowsLoudness() {
        float[] clip = Espeak.say("ko", "앞으로 두 걸음 가");
        float[] quiet = clip.clone();
        for (int i = 0; i < quiet.length; i++) {
            quiet[i] *= 0.25f;
        }
        Prosody loud = prosodyOf(clip);
        Prosody soft = prosodyOf(quiet);
        assertEquals(12.0, loud.energyMeanDb() - soft.energyMeanDb(), 1.5);
        assertTrue(loud.energyRangeDb() > 3 && loud.energyRangeDb() < 40, loud.toString());
        assertTrue(loud.syllables() >= 3, loud.toString());
    }
}
