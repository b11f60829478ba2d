package dev.voicebot.brain.emotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmotionEstimatorTest {
    private final EmotionEstimator estimator = new EmotionEstimator();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "I'm so angry, you got it wrong again!|anger",
        "This is really frustrating, I'm fed up|anger",
        "진짜 짜증나, 몇 번을 말해|anger",
        "아 열받아|anger",
        "I feel so lonely and sad today|sadness",
        "My grandfather passed away last week|sadness",
        "오늘 너무 우울해 ㅠㅠ|sadness",
        "할머니가 보고 싶어|sadness",
        "Yay, this is the best day ever, I'm so happy|joy",
        "Thank you, that was awesome|joy",
        "오늘 너무 행복해 ㅋㅋ|joy",
        "정말 고마워, 최고야|joy",
        "I'm scared, what was that noise?|fear",
        "I'm really nervous about tomorrow|fear",
        "무서워, 밖에 누가 있어|fear",
        "내일 면접이라 너무 긴장돼|fear",
        "Move forward one meter|neutral",
        "What time is it?|neutral",
        "앞으로 1미터 가|neutral",
        "I'm not angry at all|neutral",
        "별로 안 무서워|neutral"})
    void readsTheEmotionOfSentences(String text, String expected) {
        EmotionEstimate e = estimator.estimate(text);
        assertEquals(Emotion.fromWire(expected), e.primary(), text + " -> " + e);
    }

    @Test
    void emphasisAndIntensifiersRaiseIntensity() {
        double mild = estimator.estimate("I'm annoyed").intensity();
        double strong = estimator.estimate("I'm SO ANNOYED!!!").intensity();
        assertTrue(strong > mild, mild + " vs " + strong);
    }

    @Test
    void prosodyDecidesHowStrongAndTipsCloseCalls() {
        ProsodySummary calm = ProsodySummary.typicalSpeaker();
        ProsodySummary loudFast = new ProsodySummary(240, 150, -12, 6.5);
        ProsodySummary flatSlow = new ProsodySummary(140, 20, -38, 2.8);
        assertTrue(loudFast.arousal(calm) > 0.5, "loud, high, wide and fast is aroused");
        assertTrue(flatSlow.arousal(calm) < -0.4, "quiet, flat and slow is low arousal");
        EmotionEstimate shouted = estimator.estimate("you got it wrong again", Optional.of(loudFast));
        EmotionEstimate said = estimator.estimate("you got it wrong again", Optional.of(calm));
        assertEquals(Emotion.ANGER, shouted.primary());
        assertTrue(shouted.intensity() > said.intensity(), said + " vs " + shouted);
        EmotionEstimate mixed = estimator.estimate("I'm sad and a bit annoyed", Optional.of(flatSlow));
        assertEquals(Emotion.SADNESS, mixed.primary(), mixed.toString());
        EmotionEstimate mixedLoud = estimator.estimate("I'm sad and a bit annoyed", Optional.of(loudFast));
        assertEquals(Emotion.ANGER, mixedLoud.primary(), mixedLoud.toString());
        assertEquals(Emotion.NEUTRAL, estimator.estimate("move forward", Optional.of(loudFast)).primary(),
                "loudness alone does not invent an emotion");
    }

    @Test
    void badProsodyIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ProsodySummary(100, 10, 5, 3));
        assertTrue(e.getMessage().contains("energyDb"), e.getMessage());
    }
}
