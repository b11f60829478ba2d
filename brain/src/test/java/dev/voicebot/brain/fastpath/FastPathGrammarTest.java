package dev.voicebot.brain.fastpath;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.actuators.intent.Intent;
import dev.voicebot.actuators.intent.Move;
import dev.voicebot.actuators.intent.Stop;
import dev.voicebot.actuators.intent.Turn;
import dev.voicebot.config.InvalidValueException;
import dev.voicebot.config.MotionConfig;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The public API's behaviour beyond the tables: configuration, bad input, robustness. */
class FastPathGrammarTest {
    private final FastPathGrammar grammar = new FastPathGrammar(new MotionConfig(0.3, 45));

    @Test
    void speedsComeFromTheConfiguration() {
        FastPathGrammar other = new FastPathGrammar(new MotionConfig(0.5, 30));
        assertEquals(Optional.of(List.of(new Move(2, 0.5))), other.parse("move forward two meters"));
        assertEquals(Optional.of(List.of(new Turn(-90, 30))), other.parse("오른쪽으로 돌아"));
        assertEquals(Optional.of(List.of(new Move(1, 0.25))), other.parse("천천히 앞으로 가"));
        assertEquals(Optional.of(List.of(new Move(1, 0.2))), other.parse("move forward one meter at 0.2 m/s"),
                "a said speed is used as said");
    }

    @Test
    void nullIsAClearErrorAndTheConfigurationIsRequired() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> grammar.parse(null));
        assertEquals("utterance", e.field());
        assertThrows(InvalidValueException.class, () -> new FastPathGrammar(null));
    }

    @Test
    void stopWinsEvenInsideLongText() {
        String longText = "blah ".repeat(200) + "stop " + "blah ".repeat(200);
        assertEquals(Optional.of(List.of(new Stop())), grammar.parse(longText));
        assertEquals(Optional.of(List.of(new Stop())), grammar.parse("가나다라 ".repeat(100) + "멈춰"));
    }

    @Test
    void veryLongTextIsNotACommand() {
        assertTrue(grammar.parse("turn left and ".repeat(40) + "wave").isEmpty());
    }

    @Test
    void stopWordsCountOnlyAsWholeWords() {
        assertTrue(grammar.parse("stopwatch").isEmpty());
        assertTrue(grammar.parse("freezer").isEmpty());
        assertTrue(grammar.parse("그만큼 가").isEmpty());
    }

    @Test
    void garbageNeverThrowsAndNeverSpeaks() {
        Random random = new Random(20240611L);
        String alphabet = "abcdefghijklmnopqrstuvwxyz 0123456789.,?!-/'°²ＡＢ앞뒤으로미터도가돌아봐일이삼십백점반한두바퀴초속고개손"
                + "흔들어멈춰  \t\n\u0000\uD83D\uDE00";
        List<String> words = List.of("move", "forward", "turn", "left", "right", "and", "then", "a", "half", "one",
                "hundred", "point", "meters", "degrees", "per", "second", "at", "slowly", "around", "look", "up",
                "wave", "go", "ahead", "quarter", "turn", "앞으로", "일미터", "가", "돌아", "초속", "반", "고개");
        for (int n = 0; n < 5000; n++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(40);
            for (int k = 0; k < length; k++) {
                if (random.nextBoolean()) {
                    b.append(words.get(random.nextInt(words.size()))).append(' ');
                } else {
                    b.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String text = b.toString();
            Optional<List<Intent>> parsed = assertDoesNotThrow(() -> grammar.parse(text), text);
            parsed.ifPresent(intents -> {
                assertFalse(intents.isEmpty(), text);
                assertFalse(intents.stream().anyMatch(i -> i.kind().equals("speak")), text);
            });
        }
    }

    @Test
    void parsingTheSameLineTwiceGivesTheSameResult() {
        String line = "turn left, move forward 1 meter, then wave";
        assertEquals(grammar.parse(line), grammar.parse(line));
    }
}
