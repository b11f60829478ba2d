package dev.voicebot.brain.llm.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.actuators.intent.IntentKind;
import dev.voicebot.actuators.vocabulary.CommandVocabulary;
import org.junit.jupiter.api.Test;

class SystemPromptTest {
    private final SystemPrompt prompt = new SystemPrompt("You are Robi, a helpful robot.",
            CommandVocabulary.all().without(IntentKind.SPEAK), 4);

    @Test
    void koreanInAsksForKoreanOut() {
        String p = prompt.build("ko", "");
        assertTrue(p.startsWith("You are Robi, a helpful robot.\n"), p);
        assertTrue(p.contains("The user speaks Korean. Write your reply in Korean only"), p);
        assertTrue(prompt.build("en", "").contains("Write your reply in English only"));
    }

    @Test
    void theStyleFragmentFollowsThePersona() {
        String p = prompt.build("en", "  Speak warmly and briefly; call yourself Robi.  ");
        assertTrue(p.contains("You are Robi, a helpful robot.\nSpeak warmly and briefly; call yourself Robi.\n"), p);
    }

    @Test
    void theCommandsComeFromTheVocabulary() {
        String p = prompt.build("en", "");
        assertTrue(p.contains("- {\"type\":\"move\",\"distanceM\":<number>,\"speedMps\":<number>}: drive straight"), p);
        assertTrue(p.contains("\"intents\" holds at most 4 commands"), p);
        assertFalse(p.contains("\"speak\""), "speak is not offered to the model");
    }

    @Test
    void languageNames() {
        assertEquals("Korean", SystemPrompt.languageName("ko"));
        assertEquals("Japanese", SystemPrompt.languageName("ja"));
        assertEquals("xx", SystemPrompt.languageName("xx"));
    }
}
