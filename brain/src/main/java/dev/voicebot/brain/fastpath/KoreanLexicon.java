package dev.voicebot.brain.fastpath;

import dev.voicebot.brain.fastpath.KoreanLexeme.Body;
import dev.voicebot.brain.fastpath.KoreanLexeme.BodyPart;
import dev.voicebot.brain.fastpath.KoreanLexeme.Dir;
import dev.voicebot.brain.fastpath.KoreanLexeme.Mood;
import dev.voicebot.brain.fastpath.KoreanLexeme.Sense;
import dev.voicebot.brain.fastpath.KoreanLexeme.Verb;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Korean words the fast path knows, keyed by their spelling without spaces. Verb forms are
 * generated from a small table: for each verb its 아/어 form (가, 돌아, 흔들어), its -세요 form
 * (가세요, 도세요, 흔드세요) and its -고 form (가고, 돌고, 흔들고), to which the polite and casual
 * endings are added (가줘, 가 주세요, 가 줄래요, 가라, 가서...). 하다 verbs (이동해, 좌회전 해 줘)
 * are generated the same way from their noun.
 */
final class KoreanLexicon {
    /** A lexicon word found at a position: the lexeme and where the word ends. */
    record Hit<T>(T value, int end) {
    }

    private record Ending(String text, Mood mood) {
    }

    /** Endings after the 아/어 form: 가 → 가, 가요, 가줘, 가 주세요, 가 줄래?, 가라, 가서... */
    private static final List<Ending> ENDINGS = List.of(
            new Ending("", Mood.IMPERATIVE), new Ending("요", Mood.IMPERATIVE), new Ending("줘", Mood.IMPERATIVE),
            new Ending("줘요", Mood.IMPERATIVE), new Ending("주세요", Mood.IMPERATIVE), new Ending("주라", Mood.IMPERATIVE),
            new Ending("라", Mood.IMPERATIVE), new Ending("주십시오", Mood.IMPERATIVE), new Ending("줄래", Mood.REQUEST),
            new Ending("줄래요", Mood.REQUEST), new Ending("주실래요", Mood.REQUEST), new Ending("주시겠어요", Mood.REQUEST),
            new Ending("주겠니", Mood.REQUEST), new Ending("줄수있어", Mood.REQUEST), new Ending("줄수있어요", Mood.REQUEST),
            new Ending("줄수있니", Mood.REQUEST), new Ending("줄수있나요", Mood.REQUEST), new Ending("주실수있나요", Mood.REQUEST),
            new Ending("서", Mood.BY));

    private static final Map<String, KoreanLexeme> WORDS = new HashMap<>();
    private static final Map<String, UnitSpec> UNITS = new HashMap<>();
    private static final int MAX_WORD;
    private static final int MAX_UNIT;

    static {
        addWords();
        addUnits();
        MAX_WORD = WORDS.keySet().stream().mapToInt(String::length).max().orElse(1);
        MAX_UNIT = UNITS.keySet().stream().mapToInt(String::length).max().orElse(1);
    }

    private KoreanLexicon() {
    }

    /** The longest lexicon word starting at {@code from}. */
    static Optional<Hit<KoreanLexeme>> word(String s, int from) {
        return longest(WORDS, MAX_WORD, s, from);
    }

    /** The longest unit ("미터", "센티", "도", "바퀴", "m") starting at {@code from}. */
    static Optional<Hit<UnitSpec>> unit(String s, int from) {
        return longest(UNITS, MAX_UNIT, s, from);
    }

    private static <T> Optional<Hit<T>> longest(Map<String, T> map, int max, String s, int from) {
        for (int len = Math.min(max, s.length() - from); len >= 1; len--) {
            T value = map.get(s.substring(from, from + len));
            if (value != null) {
                return Optional.of(new Hit<>(value, from + len));
            }
        }
        return Optional.empty();
    }

    private static void addUnits() {
        unit(UnitSpec.of(Quantity.Unit.METRE), "미터", "메터", "미타", "m");
        unit(UnitSpec.divided(Quantity.Unit.METRE, 100), "센티미터", "센치미터", "센티", "센치", "cm");
        unit(UnitSpec.divided(Quantity.Unit.METRE, 1000), "밀리미터", "밀리", "mm");
        unit(UnitSpec.of(Quantity.Unit.DEGREE), "도", "deg");
        unit(UnitSpec.of(Quantity.Unit.REVOLUTION), "바퀴");
    }

    private static void unit(UnitSpec spec, String... spellings) {
        for (String s : spellings) {
            if (UNITS.put(s, spec) != null) {
                throw new IllegalStateException("Korean unit '" + s + "' is listed twice");
            }
        }
    }

    private static void addWords() {
        dir(Direction.FORWARD, "앞", "앞으로", "앞쪽", "앞쪽으로", "전방", "전방으로");
        dir(Direction.BACKWARD, "뒤", "뒤로", "뒤쪽", "뒤쪽으로", "후방", "후방으로");
        dir(Direction.LEFT, "왼쪽", "왼쪽으로", "왼편", "왼편으로", "좌측", "좌측으로", "좌로", "왼",
                "반시계방향", "반시계방향으로", "시계반대방향", "시계반대방향으로");
        dir(Direction.RIGHT, "오른쪽", "오른쪽으로", "오른편", "오른편으로", "우측", "우측으로", "우로", "오른",
                "시계방향", "시계방향으로");
        dir(Direction.UP, "위", "위로", "위쪽", "위쪽으로", "하늘");
        dir(Direction.DOWN, "아래", "아래로", "아래쪽", "아래쪽으로", "밑", "밑으로", "밑에", "바닥");
        dir(Direction.STRAIGHT, "똑바로", "정면", "정면으로", "곧장", "쭉", "곧바로");

        body(BodyPart.HEAD, "고개", "머리", "얼굴");
        body(BodyPart.HAND, "손", "팔", "양손", "두손", "한손", "손가락", "손가락으로");
        body(BodyPart.BODY, "몸", "몸통");
        body(BodyPart.WAIST, "허리");

        put(new KoreanLexeme.SpeedWord(new Speed.Factor(FastPathDefaults.SLOW_FACTOR)), "천천히", "느리게", "느릿느릿", "살살",
                "천천이");
        put(new KoreanLexeme.SpeedWord(new Speed.Factor(FastPathDefaults.FAST_FACTOR)), "빨리", "빠르게", "재빨리", "신속하게");
        put(new KoreanLexeme.PerSecondLead(), "초속", "초당", "매초");
        put(new KoreanLexeme.Small(), "조금", "살짝", "약간", "쪼금", "조금만");

        put(new KoreanLexeme.Filler(),
                // particles
                "을", "를", "으로", "로", "에", "에서", "만큼", "만", "정도", "쯤", "의",
                // politeness, vocatives, sequence and emphasis
                "좀", "로봇", "로봇아", "로봇야", "로봇씨", "야", "자", "어서", "얼른", "지금", "바로", "당장", "한번",
                "제발", "부탁해", "부탁해요", "부탁합니다", "부탁드려요", "부탁드립니다", "이제", "다시", "그냥", "일단",
                "먼저", "잠깐", "잠시", "혹시", "마지막으로", "제자리에서", "제자리", "자리에", "여기서", "그자리에서");
        put(new KoreanLexeme.Connector(), ",", "그리고", "그다음", "그다음에", "다음에", "그리고나서", "나서", "그런다음",
                "그런다음에", "그후", "그후에", "후에", "그러고나서", "이어서", "그러고", "그러면서", "또");

        verb("가", "가세요", "가고", Sense.MOVE, null);
        put(new Verb(Sense.MOVE, Mood.IMPERATIVE, null, false), "가자");
        verb("걸어가", "걸어가세요", "걸어가고", Sense.MOVE, null);
        verb("움직여", "움직이세요", "움직이고", Sense.MOVE, null);
        verb("나아가", "나아가세요", "나아가고", Sense.MOVE, null);
        verb("물러나", "물러나세요", "물러나고", Sense.MOVE, Direction.BACKWARD);
        verb("물러서", "물러서세요", "물러서고", Sense.MOVE, Direction.BACKWARD);
        hada("이동", Sense.MOVE, null, true, false);
        hada("전진", Sense.MOVE, Direction.FORWARD, true, false);
        hada("직진", Sense.MOVE, Direction.STRAIGHT, true, false);
        hada("후진", Sense.MOVE, Direction.BACKWARD, true, false);

        verb("돌아", "도세요", "돌고", Sense.TURN, null);
        verb("뒤돌아", "뒤도세요", "뒤돌고", Sense.TURN, Direction.AROUND);
        verb("돌려", "돌리세요", "돌리고", Sense.TURN_OBJECT, null);
        verb("틀어", "트세요", "틀고", Sense.TURN_OBJECT, null);
        hada("회전", Sense.TURN, null, true, false);
        hada("좌회전", Sense.TURN, Direction.LEFT, true, false);
        hada("우회전", Sense.TURN, Direction.RIGHT, true, false);
        hada("유턴", Sense.TURN, Direction.AROUND, true, false);

        verb("봐", "보세요", "보고", Sense.LOOK, null);
        verb("쳐다봐", "쳐다보세요", "쳐다보고", Sense.LOOK, null);
        verb("바라봐", "바라보세요", "바라보고", Sense.LOOK, null);
        verb("들어", "드세요", "들고", Sense.LIFT, null);

        verb("흔들어", "흔드세요", "흔들고", Sense.SHAKE, null);
        verb("끄덕여", "끄덕이세요", "끄덕이고", Sense.NOD, null);
        hada("끄덕끄덕", Sense.NOD, null, false, false);
        verb("저어", "저으세요", "젓고", Sense.SHAKE_HEAD, null);
        hada("도리도리", Sense.SHAKE_HEAD, null, true, false);
        verb("숙여", "숙이세요", "숙이고", Sense.BOW, null);
        hada("인사", Sense.BOW, null, false, true);
        hada("절", Sense.BOW, null, false, false);
        hada("꾸벅", Sense.BOW, null, false, false);
        verb("가리켜", "가리키세요", "가리키고", Sense.POINT, null);

        verb("앉아", "앉으세요", "앉고", Sense.SIT, null);
        verb("일어서", "일어서세요", "일어서고", Sense.STAND, null);
        verb("일어나", "일어나세요", "일어나고", Sense.STAND, null);
    }

    private static void verb(String aForm, String seyo, String go, Sense sense, Direction implied) {
        for (Ending e : ENDINGS) {
            put(new Verb(sense, e.mood(), implied, false), aForm + e.text());
        }
        put(new Verb(sense, Mood.IMPERATIVE, implied, false), seyo, seyo.substring(0, seyo.length() - 2) + "십시오");
        put(new Verb(sense, Mood.AND_THEN, implied, false), go);
    }

    /** 이동 → 이동, 이동해, 이동해 줘, 이동하세요, 이동하고...; {@code bare}: the noun alone is a command (좌회전!). */
    private static void hada(String noun, Sense sense, Direction implied, boolean bare, boolean greeting) {
        if (bare) {
            put(new Verb(sense, Mood.IMPERATIVE, implied, greeting), noun);
        }
        for (Ending e : ENDINGS) {
            put(new Verb(sense, e.mood(), implied, greeting), noun + "해" + e.text());
        }
        put(new Verb(sense, Mood.IMPERATIVE, implied, greeting), noun + "하세요", noun + "하십시오", noun + "합시다");
        put(new Verb(sense, Mood.AND_THEN, implied, greeting), noun + "하고");
    }

    private static void dir(Direction d, String... spellings) {
        put(new Dir(d), spellings);
    }

    private static void body(BodyPart p, String... spellings) {
        put(new Body(p), spellings);
    }

    private static void put(KoreanLexeme lexeme, String... spellings) {
        for (String s : spellings) {
            KoreanLexeme old = WORDS.put(s, lexeme);
            if (old != null && !old.equals(lexeme)) {
                throw new IllegalStateException("Korean word '" + s + "' has two meanings: " + old + " and " + lexeme);
            }
        }
    }

    /** For tests: every spelling the lexicon knows. */
    static Map<String, KoreanLexeme> allWords() {
        return Map.copyOf(WORDS);
    }
}
