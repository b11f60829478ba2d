package dev.voicebot.runtime.voice;

/**
 * Keeps the robot's own voice from triggering barge-in. While the robot speaks, the gate learns how
 * loud its voice comes back on the input relative to what is played (the echo coupling, dB), and
 * predicts the echo level as the loudest playback of the last half second plus that coupling. A speech
 * start counts as the person talking over the robot only when the input is at least {@code marginDb}
 * above the predicted echo; otherwise the utterance that begins is the robot hearing itself and is
 * ignored. Before any coupling has been learned the echo is assumed as loud as the playback (a
 * cautious start). Thread-safe: the audio thread feeds levels, others read.
 */
public final class HalfDuplexGate {
    private static final double LEARN = 0.05;
    private static final double AUDIBLE_DB = -50;
    private static final int WINDOW = 25; // 20 ms chunks: 0.5 s

    private final RobotVoice voice;
    private final double marginDb;
    private final double[] playback = new double[WINDOW];
    private final double[] input = new double[WINDOW / 2];
    private static final int LOUD_CHUNKS = 8; // 160 ms
    private int at;
    private int loud;
    private double couplingDb = Double.NaN;
    private long ignoredFromMs = -1;

    public HalfDuplexGate(RobotVoice voice, double marginDb) {
        this.voice = voice;
        this.marginDb = marginDb;
        java.util.Arrays.fill(playback, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(input, Double.NEGATIVE_INFINITY);
    }

    /**
     * One chunk's input level, dBFS (called for every chunk read). Returns true once when the input has
     * stayed {@code marginDb} above the predicted echo for {@value #LOUD_CHUNKS} chunks while the robot
     * speaks: the person is talking over it (this also catches a person who starts while the robot's
     * echo already holds the endpointer in an utterance).
     */
    synchronized boolean onLevel(double levelDb) {
        boolean talking = voice.speaking();
        double played = talking ? voice.playbackLevelDb() : Double.NaN;
        at++;
        playback[at % WINDOW] = Double.isNaN(played) ? Double.NEGATIVE_INFINITY : played;
        input[at % input.length] = levelDb;
        if (!talking) {
            loud = 0;
            return false;
        }
        boolean above = levelDb >= predictedEcho() + marginDb;
        loud = above ? loud + 1 : 0;
        if (!above && !Double.isNaN(played) && played > AUDIBLE_DB) {
            double sample = levelDb - played;
            // learn downwards quickly, upwards slowly, never from input clearly above the echo (a person talking)
            double rate = Double.isNaN(couplingDb) || sample < couplingDb ? 0.3 : LEARN;
            couplingDb = Double.isNaN(couplingDb) ? Math.min(sample, 0) : couplingDb + rate * (sample - couplingDb);
        }
        if (loud == LOUD_CHUNKS) {
            ignoredFromMs = -1; // the utterance in progress carries the person's words
            return true;
        }
        return false;
    }

    private double predictedEcho() {
        return max(playback) + (Double.isNaN(couplingDb) ? 0 : couplingDb);
    }

    /**
     * Speech started at {@code startMs}: true when it is the person barging in, false when the robot is
     * silent (nothing to interrupt) or it is the robot's own echo (then the utterance starting here is
     * ignored, see {@link #ignores}).
     */
    synchronized boolean bargesIn(long startMs) {
        if (!voice.speaking()) {
            return false;
        }
        if (max(input) >= predictedEcho() + marginDb) {
            return true;
        }
        ignoredFromMs = startMs;
        return false;
    }

    /** True for an utterance that began while the robot spoke and was judged to be its own echo. */
    synchronized boolean ignores(long utteranceStartMs) {
        return ignoredFromMs >= 0 && Math.abs(utteranceStartMs - ignoredFromMs) <= 50;
    }

    /** The learned echo coupling, dB (NaN before the robot has spoken). */
    public synchronized double couplingDb() {
        return couplingDb;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
