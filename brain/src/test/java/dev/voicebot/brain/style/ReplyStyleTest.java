package dev.voicebot.brain.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.brain.emotion.EmotionEstimator;
import dev.voicebot.config.ConfigLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyStyleTest {
    private final ReplyStyle configured = ReplyStyle.from(new ConfigLoader().defaults().style());
    private final EmotionEstimator emotions = new EmotionEstimator();

    @Test
    void configurationGivesTheStartingStyle() {
        assertEquals(new ReplyStyle(Tone.WARM, Detail.NORMAL, SpeechLevel.POLITE, "Robi", false), configured);
    }

    @Test
    void spokenRequestsChangeTheStyleAndThePrompt() {
        ReplyStyle s = configured.withAll(new StyleRequestParser().parse("반말로 해도 돼"));
        assertEquals(SpeechLevel.CASUAL, s.speechLevel());
        assertTrue(s.systemPromptFragment().contains("반말"));
        s = s.withAll(new StyleRequestParser().parse("please answer more briefly"));
        assertEquals(Detail.BRIEF, s.detail());
        assertEquals(2, s.maxSentences());
        assertTrue(s.systemPromptFragment().contains("brief"), s.systemPromptFragment());
        assertTrue(configured.systemPromptFragment().startsWith("Your name is Robi."));
        assertTrue(configured.systemPromptFragment().contains("존댓말"));
    }

    @Test
    void anAngryUserGetsCalmerShorterRepliesWithoutLosingTheChosenStyle() {
        ReplyStyle playfulDetailed = configured.withAll(List.of(new StyleChange.SetTone(Tone.PLAYFUL), new StyleChange.SetDetail(Detail.DETAILED)));
        ReplyStyle forAngry = playfulDetailed.adaptTo(emotions.estimate("I'm so angry, you got it wrong again!"));
        assertEquals(Tone.WARM, forAngry.tone());
        assertEquals(Detail.BRIEF, forAngry.detail());
        assertTrue(forAngry.soothing());
        assertTrue(forAngry.systemPromptFragment().contains("upset"), forAngry.systemPromptFragment());
        assertFalse(playfulDetailed.soothing(), "the chosen style itself is unchanged");
        ReplyStyle forSad = playfulDetailed.adaptTo(emotions.estimate("오늘 너무 우울해"));
        assertEquals(Tone.WARM, forSad.tone());
        assertEquals(Detail.NORMAL, forSad.detail());
        assertSame(playfulDetailed, playfulDetailed.adaptTo(emotions.estimate("move forward one meter")));
        assertEquals(Tone.FORMAL, configured.with(new StyleChange.SetTone(Tone.FORMAL)).adaptTo(emotions.estimate("I'm furious!")).tone(),
                "a formal robot stays formal, only calmer");
    }
}
