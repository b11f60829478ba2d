package dev.voicebot.speech.vad;

import dev.voicebot.speech.features.Frame;

/**
 * Frame-level voice activity from band energies over an adaptive noise floor.
 *
 * <p>Each of three bands (voicing 100-900 Hz, formants 900-3500 Hz, fricatives 3500-7500 Hz) and
 * the full band keeps a noise floor, the mean noise level in dB, and the noise's typical deviation
 * from it: outside speech both follow the frame level (the floor drops fast when the room gets
 * quieter); inside speech it is held, except that it is raised to the quietest level of the last
 * {@value #MIN_WINDOW_FRAMES} frames when even that is above it, so that a fan switched on mid-stream
 * is learned within seconds instead of being taken for endless speech. A frame is speech when some
 * band is {@code onsetDb} above its floor ({@code continueDb} while already in speech), and at least
 * four (three) times the band's typical noise fluctuation, and above an absolute minimum, so stationary noise of any level and digital silence give no speech.
 */
public final class VoiceActivityDetector {
    private static final int MIN_WINDOW_FRAMES = 300; // 3 s
    private static final float ABSOLUTE_MIN_DB = -70f;
    private static final float FALL = 0.3f;
    private static final float RISE = 0.05f;
    private static final int SUSTAIN_FRAMES = 5;
    private static final float SUSTAIN_DB = 3f;

    private final float onsetDb;
    private final float continueDb;
    private final int channels = Frame.BANDS + 1; // full band + bands
    private final float[] floor = new float[channels];
    private final float[] deviation = new float[channels]; // mean absolute deviation of the noise level, dB
    private final float[][] recent = new float[channels][MIN_WINDOW_FRAMES];
    private final float[] smooth = new float[channels];
    private final float[][] lastLevels = new float[channels][SUSTAIN_FRAMES];
    private long frames;

    public VoiceActivityDetector() {
        this(6f, 4f);
    }

    public VoiceActivityDetector(float onsetDb, float continueDb) {
        this.onsetDb = onsetDb;
        this.continueDb = continueDb;
    }

    /**
     * @param inUtterance whether the caller is inside an utterance: then weaker and sustained sounds
     *                    count as speech (hysteresis); outside, only clear onsets do
     */
    public VadDecision accept(Frame f, boolean inUtterance) {
        float[] level = new float[channels];
        level[0] = f.energyDb();
        System.arraycopy(f.bandEnergyDb(), 0, level, 1, Frame.BANDS);
        if (frames == 0) {
            System.arraycopy(level, 0, floor, 0, channels);
            System.arraycopy(level, 0, smooth, 0, channels);
            java.util.Arrays.fill(deviation, 1f);
        }
        int slot = (int) (frames % MIN_WINDOW_FRAMES);
        float best = Float.NEGATIVE_INFINITY;
        boolean aboveFloor = false;
        for (int c = 0; c < channels; c++) {
            smooth[c] = 0.5f * smooth[c] + 0.5f * level[c];
            recent[c][slot] = smooth[c];
            lastLevels[c][(int) (frames % SUSTAIN_FRAMES)] = level[c];
            if (c > 0) {
                float snr = level[c] - floor[c];
                best = Math.max(best, snr);
                // noisier bands (few spectral lines, e.g. a hum) need a larger margin than steady hiss
                float needed = inUtterance ? Math.max(continueDb, 3f * deviation[c]) : Math.max(onsetDb, 4f * deviation[c]);
                aboveFloor |= snr >= needed && level[c] > ABSOLUTE_MIN_DB;
                if (inUtterance && frames >= SUSTAIN_FRAMES) {
                    // a weak but sustained sound (a trailing fricative): the 50 ms mean level fluctuates less than one frame's
                    double mean = 0;
                    for (float l : lastLevels[c]) {
                        mean += l / SUSTAIN_FRAMES;
                    }
                    double sustained = mean - floor[c];
                    aboveFloor |= sustained >= Math.max(SUSTAIN_DB, 2.5f * deviation[c]) && level[c] > ABSOLUTE_MIN_DB;
                }
            }
        }
        boolean speech = aboveFloor;
        frames++;
        for (int c = 0; c < channels; c++) {
            float e = level[c];
            if (!speech) {
                deviation[c] += 0.05f * (Math.min(Math.abs(e - floor[c]), 6f) - deviation[c]);
                // the floor is the mean noise level; it drops fast when the room gets quieter
                floor[c] += (e < floor[c] - 2 * deviation[c] ? FALL : RISE) * (e - floor[c]);
            } else if (frames >= MIN_WINDOW_FRAMES) {
                float quietest = Float.POSITIVE_INFINITY;
                for (float v : recent[c]) {
                    quietest = Math.min(quietest, v);
                }
                if (quietest > floor[c]) {
                    floor[c] += RISE * (quietest - floor[c]);
                }
            }
        }
        return new VadDecision(speech, best, floor[0]);
    }

    /** The current full-band noise floor, dBFS. */
    public float noiseFloorDb() {
        return floor[0];
    }
}
