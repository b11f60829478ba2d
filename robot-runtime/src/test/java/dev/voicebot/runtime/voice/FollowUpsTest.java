package dev.voicebot.runtime.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.actuators.intent.Gesture;
import dev.voicebot.actuators.intent.Move;
import dev.voicebot.actuators.intent.Turn;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** "turn left" … "a bit more": the session's last motion again at half the size, until the session ends in silence. */
class FollowUpsTest {
    private static final long S = 1_000_000_000L;

    @Test
    void moreRepeatsTheLastMotionSmallerInEnglishAndKorean() {
        FollowUps f = new FollowUps(Duration.ofSeconds(10));
        f.heard(List.of(new Turn(90, 45)), 0);
        assertEquals(Optional.of(new Turn(45, 45)), f.followUp("a bit more", 2 * S));
        f.heard(List.of(), 2 * S);
        assertEquals(Optional.of(new Turn(22.5, 45)), f.followUp("조금 더", 4 * S));
        f.heard(List.of(new Move(1.0, 0.3), new Gesture(Gesture.Name.WAVE)), 5 * S);
        assertEquals(Optional.of(new Move(0.5, 0.3)), f.followUp("A little more, please!", 6 * S));
    }

    @Test
    void aSessionEndsAfterSilenceAndOtherTextIsNoFollowUp() {
        FollowUps f = new FollowUps(Duration.ofSeconds(10));
        assertEquals(Optional.empty(), f.followUp("a bit more", 0), "nothing to repeat yet");
        f.heard(List.of(new Move(1.0, 0.3)), 0);
        assertEquals(Optional.empty(), f.followUp("turn left", S));
        assertEquals(Optional.empty(), f.followUp("a bit more", 11 * S), "the session ended in silence");
        f.heard(List.of(), 11 * S);
        assertEquals(Optional.empty(), f.followUp("좀 더", 12 * S), "a new session forgot the old motion");
    }

    @Test
    void recognisesFollowUpPhrasesOnly() {
        for (String yes : List.of("more", "a bit more", "just a little bit more", "a little further", "조금 더", "좀 더 가", "더")) {
            assertTrue(FollowUps.isMore(yes), yes);
        }
        for (String no : List.of("move more carefully", "no more", "tell me more about robots", "더 이상 하지 마", "stop")) {
            assertFalse(FollowUps.isMore(no), no);
        }
    }
}
