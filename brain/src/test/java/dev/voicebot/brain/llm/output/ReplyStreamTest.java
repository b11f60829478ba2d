package dev.voicebot.brain.llm.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyStreamTest {
    private final List<String> sentences = new ArrayList<>();
    private final ReplyStream stream = new ReplyStream(sentences::add);

    /** Feeds {@code json} in pieces of {@code size} characters, as tokens arrive. */
    private void feed(String json, int size) {
        for (int i = 0; i < json.length(); i += size) {
            stream.accept(json.substring(i, Math.min(json.length(), i + size)));
        }
    }

    @Test
    void sentencesArriveAsSoonAsTheNextOneStarts() {
        stream.accept("{\"reply\":\"OK, moving.");
        assertEquals(List.of(), sentences, "no white space after the period yet");
        stream.accept(" Hello there! How");
        assertEquals(List.of("OK, moving.", "Hello there!"), sentences);
        stream.accept(" are you?\",\"intents\":[");
        assertEquals(List.of("OK, moving.", "Hello there!", "How are you?"), sentences, "the closing quote ends the last one");
        assertTrue(stream.replyComplete());
        stream.accept("{\"type\":\"stop\"}]}");
        assertEquals("OK, moving. Hello there! How are you?", stream.replySoFar());
    }

    @Test
    void koreanSentencesSplitTooWhateverTheChunking() {
        for (int size = 1; size <= 7; size++) {
            sentences.clear();
            ReplyStream s = new ReplyStream(sentences::add);
            String json = "{\"reply\": \"네, 앞으로 갈게요. 조심할게요! 괜찮으세요?\", \"intents\": []}";
            for (int i = 0; i < json.length(); i += size) {
                s.accept(json.substring(i, Math.min(json.length(), i + size)));
            }
            assertEquals(List.of("네, 앞으로 갈게요.", "조심할게요!", "괜찮으세요?"), sentences, "chunk size " + size);
        }
    }

    @Test
    void numbersAbbreviationsWithoutSpaceAndEscapesDoNotConfuseIt() {
        feed("{\"reply\":\"Moving 1.5 m at 0.3 m/s. She said \\\"go.\\\" Then\\nI stopped\\u0021\", \"intents\":[]}", 3);
        assertEquals(List.of("Moving 1.5 m at 0.3 m/s.", "She said \"go.\"", "Then", "I stopped!"), sentences);
    }

    @Test
    void onlyTheTopLevelReplyIsFollowed() {
        feed("{\"intents\":[{\"type\":\"speak\",\"text\":\"reply: no. \",\"reply\":\"nested. \"}],\"reply\":\"Top. Level.\"}", 4);
        assertEquals(List.of("Top.", "Level."), sentences);
    }

    @Test
    void fullWidthMarksNeedNoSpace() {
        feed("{\"reply\":\"好的。我们走吧！\",\"intents\":[]}", 2);
        assertEquals(List.of("好的。", "我们走吧！"), sentences);
    }

    @Test
    void aReplyCutOffMidSentenceDeliversOnlyCompleteSentences() {
        feed("{\"reply\":\"First one. Second one is cut", 5);
        assertEquals(List.of("First one."), sentences);
        assertFalse(stream.replyComplete());
        assertEquals("First one. Second one is cut", stream.replySoFar());
    }

    @Test
    void garbageNeverThrows() {
        feed("}}]]\"\\u12\"{\"reply\":[\"x. y. \"],\"reply\":\"A. B\"", 1);
        feed("{\"reply\": 12, \"x\": \"\\", 1);
        assertFalse(stream.replyComplete());
    }
}
