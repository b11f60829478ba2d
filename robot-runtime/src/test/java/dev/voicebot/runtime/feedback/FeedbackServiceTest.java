package dev.voicebot.runtime.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voicebot.actuators.bus.BusMessage;
import dev.voicebot.actuators.wire.Envelope;
import dev.voicebot.actuators.wire.WireJson;
import dev.voicebot.config.ConfigLoader;
import dev.voicebot.runtime.privacy.DirectoryCreator;
import dev.voicebot.runtime.privacy.PrivacyPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports by voice and over MQTT are stored with the reply and utterance they refer to; bad reports are refused. */
class FeedbackServiceTest {
    @TempDir
    Path data;

    private final List<FeedbackReport> accepted = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final ObjectMapper json = WireJson.newMapper();
    private FeedbackStore store;
    private FeedbackService service;

    @BeforeEach
    void open() {
        store = FeedbackStore.open(new ConfigLoader().defaults().audit(), data.resolve("feedback"), DirectoryCreator.plain(), Clock.systemUTC());
        service = new FeedbackService(Optional.of(store), new RecentReplies(3), new ReportDetector(), new PrivacyPolicy(true, true),
                "robot1", new FeedbackService.Listener() {
                    @Override
                    public void accepted(FeedbackReport report) {
                        accepted.add(report);
                    }

                    @Override
                    public void refused(String why) {
                        refused.add(why);
                    }
                }, Clock.systemUTC());
    }

    private BusMessage message(Object envelopeOrText) throws Exception {
        byte[] payload = envelopeOrText instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : json.writeValueAsBytes(envelopeOrText);
        return new BusMessage("robot/robot1/feedback", payload, false, Optional.empty(), Optional.empty());
    }

    @Test
    void aSpokenReportRefersToTheLatestReply() throws Exception {
        assertEquals(Optional.empty(), service.onUtterance("that was rude", "en"), "nothing said yet: not a report");
        service.rememberReply("m-1", "Sorry, I can only follow commands.", "en", "tell me a joke, my mail is a@b.co", "en");
        service.rememberReply("m-2", "죄송해요, 명령만 따를 수 있어요.", "ko", "노래 불러 줘", "ko");
        Optional<String> ack = service.onUtterance("그 말 기분 나빠", "ko");
        assertTrue(ack.isPresent() && ack.get().contains("기록"), ack.toString());
        assertEquals(Optional.empty(), service.onUtterance("move forward one meter", "en"));
        store.close();
        List<FeedbackReport> stored = FeedbackStore.readAll(data.resolve("feedback"));
        assertEquals(1, stored.size());
        FeedbackReport r = stored.get(0);
        assertEquals("voice", r.via());
        assertEquals("hurtful", r.reason());
        assertEquals("m-2", r.replyMsgId());
        assertEquals("죄송해요, 명령만 따를 수 있어요.", r.reply().text());
        assertEquals("노래 불러 줘", r.utterance().text());
        assertEquals("그 말 기분 나빠", r.comment());
        assertEquals(accepted, stored);
    }

    @Test
    void anMqttReportNamesAReplyByMsgIdAndIsRedacted() throws Exception {
        service.rememberReply("m-1", "Call 010-1234-5678 for help.", "en", "who can help me? I'm kim@example.com", "en");
        service.rememberReply("m-2", "Moving forward.", "en", "move forward one meter", "en");
        service.onMessage(message(Envelope.of("robot1", Map.of("replyMsgId", "m-1", "reason", "wrong", "comment", "my card 4111 1111 1111 1111"))));
        assertEquals(List.of(), refused);
        store.close();
        FeedbackReport r = FeedbackStore.readAll(data.resolve("feedback")).get(0);
        assertEquals("mqtt", r.via());
        assertEquals("wrong", r.reason());
        assertEquals("Call [phone] for help.", r.reply().text());
        assertEquals("who can help me? I'm [email]", r.utterance().text());
        assertEquals("my card [card]", r.comment());
    }

    @Test
    void malformedAndUnknownReportsAreRefusedWithAReason() throws Exception {
        service.rememberReply("m-1", "Hello.", "en", "hi", "en");
        service.rememberReply("m-2", "Hello.", "en", "hi", "en");
        service.rememberReply("m-3", "Hello.", "en", "hi", "en");
        service.rememberReply("m-4", "Hello.", "en", "hi", "en"); // capacity 3: m-1 is forgotten
        service.onMessage(message("not json"));
        service.onMessage(message("{\"replyMsgId\":\"m-2\"}"));
        service.onMessage(message(Envelope.of("robot1", Map.of("reason", "rude"))));
        service.onMessage(message(Envelope.of("robot1", Map.of("replyMsgId", "m-2", "reason", "Very Rude!"))));
        service.onMessage(message(Envelope.of("robot1", Map.of("replyMsgId", "m-2", "extra", 1))));
        service.onMessage(message(Envelope.of("robot2", Map.of("replyMsgId", "m-2"))));
        service.onMessage(message(Envelope.of("robot1", Map.of("replyMsgId", "m-1"))));
        assertEquals(7, refused.size(), refused.toString());
        assertTrue(refused.get(0).startsWith("malformed report"), refused.get(0));
        assertTrue(refused.get(2).contains("replyMsgId"), refused.get(2));
        assertTrue(refused.get(3).contains("reason"), refused.get(3));
        assertTrue(refused.get(5).contains("robot2"), refused.get(5));
        assertTrue(refused.get(6).contains("m-1") && refused.get(6).contains("last 3"), refused.get(6));
        assertEquals(List.of(), accepted);
        service.onMessage(message(Envelope.of("robot1", Map.of("replyMsgId", "m-4"))));
        assertEquals(1, accepted.size());
        assertEquals("report", accepted.get(0).reason());
    }
}
