package dev.voicebot.brain.llm.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.actuators.intent.Gesture;
import dev.voicebot.actuators.intent.IntentKind;
import dev.voicebot.actuators.intent.Move;
import dev.voicebot.actuators.intent.Stop;
import dev.voicebot.actuators.intent.Turn;
import dev.voicebot.actuators.vocabulary.CommandVocabulary;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplyParserTest {
    private final ReplyParser parser = new ReplyParser(CommandVocabulary.all().without(IntentKind.SPEAK), 4);

    private ParsedReply parse(String json) {
        return parser.parse(json, Optional.empty());
    }

    private Rejection onlyRejection(ParsedReply p) {
        assertEquals(List.of(), p.intents(), "nothing rejected is executed");
        assertEquals(1, p.rejections().size(), p.rejections().toString());
        return p.rejections().get(0);
    }

    @Test
    void aValidAnswerGivesItsReplyAndTypedIntents() {
        ParsedReply p = parse("{\"reply\":\"OK, moving.\",\"intents\":[{\"type\":\"move\",\"distanceM\":1.0,\"speedMps\":0.3},"
                + "{\"type\":\"turn\",\"angleDeg\":-90,\"rateDegPerS\":45},{\"type\":\"gesture\",\"name\":\"shake-head\"},{\"type\":\"stop\"}]}");
        assertTrue(p.isClean(), p.rejections().toString());
        assertEquals("OK, moving.", p.reply());
        assertEquals(List.of(new Move(1.0, 0.3), new Turn(-90, 45), new Gesture(Gesture.Name.SHAKE_HEAD), new Stop()), p.intents());
    }

    @Test
    void chatWithoutCommandsAndSurroundingWhitespaceAreFine() {
        ParsedReply p = parse("  \n{\"reply\": \" 안녕하세요! 반가워요. \", \"intents\": []}\n ");
        assertEquals("안녕하세요! 반가워요.", p.reply());
        assertTrue(p.isClean());
        assertTrue(parse("{\"reply\":\"Hi.\"}").isClean(), "a missing intents list means no commands");
    }

    @Test
    void brokenJsonIsMalformedUnlessGenerationWasCutOff() {
        assertInstanceOf(Rejection.MalformedJson.class, onlyRejection(parse("{\"reply\":\"Hi.\",\"intents\":[")));
        assertInstanceOf(Rejection.MalformedJson.class, onlyRejection(parse("Sure! {\"reply\":\"Hi.\",\"intents\":[]}")));
        assertInstanceOf(Rejection.MalformedJson.class, onlyRejection(parse("{\"reply\":\"Hi.\",\"intents\":[]} and more")));
        assertInstanceOf(Rejection.MalformedJson.class, onlyRejection(parse("")));
        assertInstanceOf(Rejection.MalformedJson.class, onlyRejection(parse("{\"reply\":\"a\",\"reply\":\"b\",\"intents\":[]}")));
        Rejection cut = onlyRejection(parser.parse("{\"reply\":\"I will", Optional.of("cancelled")));
        assertEquals(new Rejection.Incomplete("cancelled"), cut);
    }

    @Test
    void documentsOfTheWrongShapeAreRejected() {
        assertInstanceOf(Rejection.NotAReplyDocument.class, onlyRejection(parse("[1,2]")));
        assertInstanceOf(Rejection.NotAReplyDocument.class, onlyRejection(parse("{\"reply\":3,\"intents\":[]}")));
        assertInstanceOf(Rejection.NotAReplyDocument.class, onlyRejection(parse("{\"intents\":[]}")));
        assertInstanceOf(Rejection.NotAReplyDocument.class, onlyRejection(parse("{\"reply\":\"x\",\"intents\":{}}")));
        Rejection extra = onlyRejection(parse("{\"reply\":\"x\",\"intents\":[],\"mood\":\"happy\"}"));
        assertTrue(extra.describe().contains("mood"), extra.describe());
    }

    @Test
    void unknownAndDisallowedCommandTypesAreNamed() {
        assertEquals(new Rejection.UnknownIntentType("{\"type\":\"fly\",\"heightM\":3}", "fly"),
                onlyRejection(parse("{\"reply\":\"Up!\",\"intents\":[{\"type\":\"fly\",\"heightM\":3}]}")));
        assertInstanceOf(Rejection.NotAllowed.class,
                onlyRejection(parse("{\"reply\":\"Hi.\",\"intents\":[{\"type\":\"speak\",\"text\":\"hi\",\"language\":\"en\"}]}")));
    }

    @Test
    void fieldsAreCheckedByTheIntentRecordsThemselves() {
        Rejection negative = onlyRejection(parse("{\"reply\":\"Go.\",\"intents\":[{\"type\":\"move\",\"distanceM\":1,\"speedMps\":-0.3}]}"));
        Rejection.InvalidIntent i = assertInstanceOf(Rejection.InvalidIntent.class, negative);
        assertEquals("speedMps", i.field());
        assertTrue(i.detail().contains("-0.3"), i.detail());

        Rejection missing = onlyRejection(parse("{\"reply\":\"Go.\",\"intents\":[{\"type\":\"move\",\"distanceM\":1}]}"));
        assertEquals("speedMps", assertInstanceOf(Rejection.InvalidIntent.class, missing).field());

        Rejection unknownField = onlyRejection(parse("{\"reply\":\"Go.\",\"intents\":[{\"type\":\"stop\",\"now\":true}]}"));
        assertEquals("now", assertInstanceOf(Rejection.InvalidIntent.class, unknownField).field());

        Rejection textNumber = onlyRejection(parse("{\"reply\":\"Go.\",\"intents\":[{\"type\":\"move\",\"distanceM\":\"1\",\"speedMps\":0.3}]}"));
        assertEquals("distanceM", assertInstanceOf(Rejection.InvalidIntent.class, textNumber).field());

        Rejection nullNumber = onlyRejection(parse("{\"reply\":\"Go.\",\"intents\":[{\"type\":\"turn\",\"angleDeg\":null,\"rateDegPerS\":45}]}"));
        assertEquals("angleDeg", assertInstanceOf(Rejection.InvalidIntent.class, nullNumber).field());

        Rejection badGesture = onlyRejection(parse("{\"reply\":\"Hi.\",\"intents\":[{\"type\":\"gesture\",\"name\":\"dance\"}]}"));
        assertTrue(badGesture.describe().contains("dance"), badGesture.describe());
    }

    @Test
    void oneBadCommandAbandonsTheWholePlan() {
        ParsedReply p = parse("{\"reply\":\"Turning, then going.\",\"intents\":[{\"type\":\"turn\",\"angleDeg\":90,\"rateDegPerS\":0},"
                + "{\"type\":\"move\",\"distanceM\":1,\"speedMps\":0.3}]}");
        assertEquals("Turning, then going.", p.reply(), "the reply survives");
        assertEquals(List.of(), p.intents());
        assertEquals(2, p.rejections().size());
        assertInstanceOf(Rejection.InvalidIntent.class, p.rejections().get(0));
        assertEquals(new Rejection.PlanAbandoned(new Move(1, 0.3)), p.rejections().get(1));
    }

    @Test
    void tooManyCommandsAreRefused() {
        String stop = "{\"type\":\"stop\"}";
        ParsedReply p = parse("{\"reply\":\"Stop!\",\"intents\":[" + String.join(",", stop, stop, stop, stop, stop) + "]}");
        assertEquals(new Rejection.TooManyIntents(5, 4), onlyRejection(p));
    }
}
