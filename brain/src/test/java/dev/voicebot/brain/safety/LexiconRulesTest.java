package dev.voicebot.brain.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.config.ConfigLoader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LexiconRulesTest {
    private static final String GERMAN = """
            @spacing strict
            @boundaries word
            @elongation true
            [list second]
            du
            dich
            roboter
            [rule insult targeted]
            0.7 dummkopf => Schlaumeier
            [context negation.before]
            re:\\bkein(?:\\s+\\S+){0,2}\\s*$
            [context target.second]
            {second}
            [reply calm]
            Schon gut, ich bin da. Versuchen wir es noch einmal.
            [reply threat]
            Auf Drohungen antworte ich nicht.
            [reply identity]
            So möchte ich über Menschen nicht sprechen.
            [reply sexual]
            Darüber kann ich nicht sprechen.
            [reply supportive]
            Es tut mir leid, dass es dir so geht. Du bist nicht allein.
            [reply fallback]
            Das sage ich lieber nicht.
            """;

    @Test
    void aNewLanguageIsARulesTextAndTheFilterAnswersInIt() {
        LexiconRules de = LexiconRules.parse("de", GERMAN, "de.rules");
        SafetyFilter filter = new SafetyFilter(new ConfigLoader().defaults().safety(), List.of(LexiconRules.load("en"), de), SafetyClassifier.NONE);
        Verdict v = filter.checkInput("du Dummkoooopf!", "de");
        assertEquals(Set.of(Category.INSULT), v.categories());
        assertEquals("Schon gut, ich bin da. Versuchen wir es noch einmal.", v.replacement().orElseThrow());
        assertTrue(filter.checkInput("du bist kein Dummkopf", "de").allowed());
        assertEquals("Du Schlaumeier!", filter.checkOutputSentence("Du Dummkopf!", "de").replacement().orElseThrow());
        assertFalse(filter.checkInput("you idiot", "de").allowed(), "every bundle checks every text");
    }

    @Test
    void mistakesInARulesTextNameTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LexiconRules.parse("xx", "[rule insult targeted]\nidiot\n", "xx.rules"));
        assertTrue(e.getMessage().contains("xx.rules line 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LexiconRules.parse("xx", "[rule insult targeted]\n0.5 {nolist}\n", "xx.rules"));
        assertTrue(e.getMessage().contains("{nolist}"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LexiconRules.parse("xx", "[rule rudeness targeted]\n", "xx.rules"));
        assertTrue(e.getMessage().contains("rudeness"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LexiconRules.parse("xx", "[rule insult targeted]\n0.5 x\n", "xx.rules"));
        assertTrue(e.getMessage().contains("[reply calm]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LexiconRules.load("zz"));
        assertTrue(e.getMessage().contains("'zz'"), e.getMessage());
    }
}
