package dev.voicebot.runtime.voice;

/**
 * Keeps the robot's own voice from triggering barge-in: while the robot speaks, it learns the input
 * level its voice produces (the echo), and a speech start counts as the person talking over the robot
 * only when the input is at least {@code marginDb} above that echo level. Otherwise the utterance that
 * begins is the robot hearing itself and is ignored. Thread-safe (audio thread writes, others read).
 */
public final class HalfDuplexGate {
    private static final double ECHO_ATTACK = 0.2;
    private static final double ECHO_DECAY = 0.02;

    private final RobotVoice voice;
    private final double marginDb;
    private volatile double echoDb = Double.NaN;
    private volatile long ignoredFromMs = -1;

    public HalfDuplexGate(RobotVoice voice, double marginDb) {
        this.voice = voice;
        this.marginDb = marginDb;
    }

    /** One chunk's input level, dBFS (called for every chunk read). */
    void onLevel(double levelDb) {
        if (!voice.speaking()) {
            return;
        }
        double e = echoDb;
        if (Double.isNaN(e)) {
            echoDb = levelDb;
        } else {
            // follow the echo's loud syllables quickly, its pauses slowly: the reference is near the echo's peaks
            echoDb = e + (levelDb > e ? ECHO_ATTACK : ECHO_DECAY) * (levelDb - e);
        }
    }

    /**
     * Speech started at {@code startMs} with input level {@code levelDb}: true when it is the person
     * barging in, false when the robot is silent (nothing to interrupt) or it is the robot's own echo
     * (then the utterance starting here is ignored, see {@link #ignores}).
     */
    boolean bargesIn(long startMs, double levelDb) {
        if (!voice.speaking()) {
            return false;
        }
        double e = echoDb;
        if (Double.isNaN(e) || levelDb >= e + marginDb) {
            return true;
        }
        ignoredFromMs = startMs;
        return false;
    }

    /** True for an utterance that began while the robot spoke and was judged to be its own echo. */
    boolean ignores(long utteranceStartMs) {
        long from = ignoredFromMs;
        return from >= 0 && Math.abs(utteranceStartMs - from) <= 50;
    }

    /** The robot stopped speaking: forget the echo level. */
    void reset() {
        echoDb = Double.NaN;
    }

    /** The learned echo level, dBFS (NaN when not speaking). */
    public double echoDb() {
        return echoDb;
    }
}
