package dev.voicebot.brain.fastpath;

import java.util.EnumMap;
import java.util.Map;

/**
 * The English words the fast path knows, grouped by role. Every table is a {@link PhraseTable}
 * matched longest first; words outside these tables reject the clause.
 */
final class EnglishLexicon {
    /** A verb phrase that starts a clause. */
    record Head(Action action, Direction implied, double defaultAngleDeg) {
        static Head of(Action action) {
            return new Head(action, null, Double.NaN);
        }
    }

    enum Prefix { PLAIN, REQUEST }

    private EnglishLexicon() {
    }

    /** Politeness, vocatives and sequence words at the start of a clause. */
    static final PhraseTable<Prefix> PREFIXES = PhraseTable.<Prefix>builder()
            .add(Prefix.REQUEST, "can you", "could you", "would you", "will you", "can u", "could u", "would u",
                    "would you mind", "would you kindly", "can you please", "could you please", "would you please")
            .add(Prefix.PLAIN, "please", "kindly", "i want you to", "i need you to", "id like you to",
                    "i would like you to", "go ahead and", "lets", "let us", "hey", "hi", "hello", "ok", "okay",
                    "alright", "all right", "robot", "hey robot", "ok robot", "okay robot", "um", "uh", "uhm", "er",
                    "so", "now", "just", "first", "firstly", "then", "next", "finally", "lastly", "also", "and",
                    "try to")
            .build();

    static final PhraseTable<Head> HEADS = PhraseTable.<Head>builder()
            .add(Head.of(Action.MOVE), "move", "go", "drive", "walk", "step", "head", "roll", "travel", "proceed",
                    "move yourself")
            .add(new Head(Action.MOVE, Direction.FORWARD, Double.NaN), "advance")
            .add(new Head(Action.MOVE, Direction.BACKWARD, Double.NaN), "back up", "back off", "reverse", "retreat",
                    "backup")
            .add(Head.of(Action.TURN), "turn", "rotate", "pivot", "make a", "do a", "take a", "turn yourself",
                    "rotate yourself")
            .add(new Head(Action.TURN, null, 360), "spin")
            .add(Head.of(Action.LOOK), "look", "glance", "turn your head", "turn the head", "turn head",
                    "move your head", "point your head")
            .add(Head.of(Action.WAVE), "wave", "wave your hand", "wave your arm", "give a wave", "give me a wave",
                    "give us a wave")
            .add(Head.of(Action.NOD), "nod", "nod your head", "give a nod", "give me a nod")
            .add(Head.of(Action.SHAKE_HEAD), "shake your head", "shake head", "shake the head")
            .add(Head.of(Action.BOW), "bow", "take a bow", "make a bow", "do a bow")
            .add(Head.of(Action.POINT), "point", "point your finger", "point your arm")
            .add(Head.of(Action.SIT), "sit", "take a seat", "have a seat", "be seated", "sit yourself")
            .add(Head.of(Action.STAND), "stand", "get up", "rise", "stand yourself")
            .build();

    /** Words that complete one particular verb ("wave hello", "sit down", "stand up"). */
    static final Map<Action, PhraseTable<Boolean>> COMPLEMENTS = complements();

    private static Map<Action, PhraseTable<Boolean>> complements() {
        Map<Action, PhraseTable<Boolean>> m = new EnumMap<>(Action.class);
        m.put(Action.WAVE, PhraseTable.<Boolean>builder().add(true, "hello", "hi", "goodbye", "good bye", "bye",
                "bye bye", "your hand", "your hands", "your arm", "at me", "to me", "at us", "to us", "to everyone",
                "to everybody", "at everyone", "at everybody", "hello to everyone", "at the camera").build());
        m.put(Action.NOD, PhraseTable.<Boolean>builder().add(true, "yes", "your head", "head", "in agreement").build());
        m.put(Action.SHAKE_HEAD, PhraseTable.<Boolean>builder().add(true, "no", "no no").build());
        m.put(Action.BOW, PhraseTable.<Boolean>builder().add(true, "down", "deeply", "to me", "to everyone").build());
        m.put(Action.POINT, PhraseTable.<Boolean>builder().add(true, "at me", "there", "over there", "that way").build());
        m.put(Action.SIT, PhraseTable.<Boolean>builder().add(true, "down").build());
        m.put(Action.STAND, PhraseTable.<Boolean>builder().add(true, "up", "straight", "up straight", "upright").build());
        m.put(Action.TURN, PhraseTable.<Boolean>builder().add(true, "turn", "in place", "on the spot").build());
        m.put(Action.MOVE, PhraseTable.<Boolean>builder().add(true, "a distance of", "a total of").build());
        m.put(Action.LOOK, PhraseTable.<Boolean>builder().add(true, "your head").build());
        return m;
    }

    static final PhraseTable<Direction> DIRECTIONS = PhraseTable.<Direction>builder()
            .add(Direction.FORWARD, "forward", "forwards", "foreward", "onward", "onwards")
            .add(Direction.AHEAD, "ahead")
            .add(Direction.STRAIGHT, "straight", "straight ahead", "straight forward", "straightforward")
            .add(Direction.BACKWARD, "back", "backward", "backwards", "backwords", "in reverse", "reverse")
            .add(Direction.LEFT, "left", "counterclockwise", "counter clockwise", "anticlockwise", "anti clockwise",
                    "left hand side", "leftwards")
            .add(Direction.RIGHT, "right", "clockwise", "right hand side", "rightwards")
            .add(Direction.UP, "up", "upward", "upwards")
            .add(Direction.DOWN, "down", "downward", "downwards")
            .add(Direction.AROUND, "around", "round", "all the way around", "u turn", "uturn", "about face")
            .build();

    static final PhraseTable<Double> SPEED_WORDS = PhraseTable.<Double>builder()
            .add(FastPathDefaults.SLOW_FACTOR, "slowly", "slow", "gently", "carefully", "at half speed",
                    "at a slow pace", "at a slow speed", "nice and slow")
            .add(FastPathDefaults.FAST_FACTOR, "quickly", "fast", "rapidly", "swiftly", "at a fast pace",
                    "at high speed", "at a fast speed")
            .build();

    static final PhraseTable<Boolean> SMALL_AMOUNTS = PhraseTable.<Boolean>builder()
            .add(true, "a little", "a little bit", "a bit", "slightly", "a tiny bit", "a tad", "a touch")
            .build();

    static final PhraseTable<UnitSpec> UNITS = PhraseTable.<UnitSpec>builder()
            .add(UnitSpec.of(Quantity.Unit.METRE), "m", "meter", "meters", "metre", "metres", "mtr", "mtrs")
            .add(UnitSpec.divided(Quantity.Unit.METRE, 100), "cm", "cms", "centimeter", "centimeters", "centimetre",
                    "centimetres", "centi meters")
            .add(UnitSpec.divided(Quantity.Unit.METRE, 1000), "mm", "millimeter", "millimeters", "millimetre",
                    "millimetres")
            .add(UnitSpec.scaled(Quantity.Unit.METRE, 0.3048), "ft", "foot", "feet")
            .add(UnitSpec.of(Quantity.Unit.DEGREE), "deg", "degs", "degree", "degrees")
            .add(UnitSpec.of(Quantity.Unit.REVOLUTION), "turn", "turns", "revolution", "revolutions", "rotation",
                    "rotations", "circle", "circles", "full turn", "full turns", "full circle", "full circles")
            .add(UnitSpec.speed(Quantity.Unit.METRE), "mps")
            .build();

    /** Amounts said without a number. */
    static final PhraseTable<Quantity> FIXED_QUANTITIES = PhraseTable.<Quantity>builder()
            .add(new Quantity(1, Quantity.Unit.REVOLUTION), "a full turn", "a full circle", "full circle", "a complete turn",
                    "a whole turn", "a complete circle", "a full rotation", "a full revolution", "full turn")
            .build();

    static final PhraseTable<Boolean> PER_SECOND = PhraseTable.<Boolean>builder()
            .add(true, "per second", "per sec", "per s", "a second", "each second", "every second")
            .build();

    /** "at (a speed of) ..." before a per-second amount. */
    static final PhraseTable<Boolean> SPEED_LEAD = PhraseTable.<Boolean>builder()
            .add(true, "at", "at a speed of", "at a rate of", "with a speed of", "at speed")
            .build();

    /** Words that carry no meaning in a command clause. */
    static final PhraseTable<Boolean> FILLERS = PhraseTable.<Boolean>builder()
            .add(true, "please", "now", "just", "the", "to", "by", "for", "your", "toward", "towards", "again",
                    "once", "for me", "for us", "about", "approximately", "roughly", "around about", "of", "robot",
                    "very", "ok", "okay", "thanks", "thank you", "exactly", "a", "an", "more", "yourself")
            .build();
}
