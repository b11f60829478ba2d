package dev.voicebot.brain.fastpath;

/**
 * The amounts the grammar fills in when an utterance names none. Speeds come from
 * {@link dev.voicebot.config.MotionConfig}; these are the distances and angles.
 */
final class FastPathDefaults {
    /** "move forward": one metre. */
    static final double DISTANCE_M = 1.0;
    /** "move forward a little" / "조금 앞으로 가". */
    static final double SMALL_DISTANCE_M = 0.25;
    /** "turn left": a right angle. */
    static final double TURN_DEG = 90;
    /** "turn around" / "뒤로 돌아". */
    static final double TURN_AROUND_DEG = 180;
    /** "turn a little to the left". */
    static final double SMALL_TURN_DEG = 15;
    /** "look left" / "look up": head pan or tilt. */
    static final double LOOK_DEG = 30;
    /** "look a little to the left". */
    static final double SMALL_LOOK_DEG = 15;
    /** "slowly" / "천천히": this times the default speed. */
    static final double SLOW_FACTOR = 0.5;
    /** "quickly" / "빨리": this times the default speed (the motion validator still clamps it). */
    static final double FAST_FACTOR = 1.5;
    /** Longer text is never a command (only the stop check still looks at it). */
    static final int MAX_COMMAND_CHARS = 300;

    private FastPathDefaults() {
    }
}
