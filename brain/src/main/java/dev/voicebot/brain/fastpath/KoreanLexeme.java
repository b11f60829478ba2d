package dev.voicebot.brain.fastpath;

/** One meaningful piece of a Korean utterance, as read by {@link KoreanLexer}. */
sealed interface KoreanLexeme {

    /** A number with its unit ("1미터", "구십도", "반 바퀴"). */
    record Amount(Quantity quantity) implements KoreanLexeme {
    }

    record Dir(Direction direction) implements KoreanLexeme {
    }

    /** 고개, 손, 몸...: the object of 돌려 / 흔들어 / 숙여, which decides what the verb means. */
    record Body(BodyPart part) implements KoreanLexeme {
    }

    record SpeedWord(Speed speed) implements KoreanLexeme {
    }

    /** 초속 / 초당: the next amount is a speed. */
    record PerSecondLead() implements KoreanLexeme {
    }

    /** 조금 / 살짝 / 약간. */
    record Small() implements KoreanLexeme {
    }

    /** Particles, politeness and vocatives: 을, 로, 좀, 로봇아, 제발... */
    record Filler() implements KoreanLexeme {
    }

    /** 그리고, 그 다음에, 나서, and clause punctuation. */
    record Connector() implements KoreanLexeme {
    }

    /** A verb with its ending; it closes a clause. {@code greeting} marks 인사해 (see the serial-verb rule). */
    record Verb(Sense sense, Mood mood, Direction implied, boolean greeting) implements KoreanLexeme {
    }

    enum BodyPart { HEAD, HAND, BODY, WAIST }

    /** What the verb stem means before its object is known (흔들어: wave a hand or shake the head). */
    enum Sense { MOVE, TURN, TURN_OBJECT, LOOK, SHAKE, NOD, SHAKE_HEAD, BOW, LIFT, POINT, SIT, STAND }

    /**
     * The ending: a plain or polite imperative (가, 가요, 가줘, 가세요), a request phrased as a question
     * (가 줄래?, 가 주시겠어요?), "and then" (가고) or "by doing" (가서, 흔들어서).
     */
    enum Mood { IMPERATIVE, REQUEST, AND_THEN, BY }
}
