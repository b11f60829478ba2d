package dev.voicebot.speech.stop;

import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.speech.features.Frame;
import dev.voicebot.speech.vad.FrameListener;
import dev.voicebot.speech.vad.VadDecision;
import java.util.ArrayList;
import java.util.List;

/**
 * A small keyword spotter on the mel-cepstral frames the pipeline already computes: streaming
 * subsequence dynamic time warping against spoken examples of each stop word. For every frame and
 * template it extends the best warping path that ends here (the template may start at any input
 * frame; the template advances 0, 1 or 2 frames per input frame), and fires when a path through the
 * whole template is, per frame, at most {@code threshold} worse than matching each input frame to
 * its nearest template frame in any order (a garbage model that makes the score independent of the
 * noise level). Cost per frame: a few thousand multiply-adds; the detection comes within a few
 * frames of the word's end, with no Whisper call.
 *
 * <p>Features are noise-floored cepstra ({@link KeywordTemplate}), each coefficient scaled by its
 * spread over the templates. Only frames inside voice activity (or just after it) can fire. Templates
 * come from recordings of the words ({@link KeywordTemplate#fromAudio}); it works best with a few
 * examples recorded through the robot's own microphone by its users. It errs towards firing: on
 * espeak-ng test speech it confuses "start" with "stop". It complements, and does not replace, the
 * Whisper window path.
 */
public final class KeywordSpotter implements FrameListener {
    /** Mean excess distance per frame below which a word counts as heard. */
    public static final double DEFAULT_THRESHOLD = 0.32;
    private static final long REFRACTORY_MS = 1_000;
    private static final int SPEECH_GRACE_FRAMES = 10;

    private final List<Track> tracks = new ArrayList<>();
    private final double threshold;
    private final float[] weight;
    private final StopListener listener;
    private long lastSpeechFrame = Long.MIN_VALUE / 2;
    private long lastDetectionMs = Long.MIN_VALUE / 2;
    private double bestScore = Double.POSITIVE_INFINITY;

    /** DTW state of one template. */
    private static final class Track {
        final KeywordTemplate template;
        float[][] features; // the template scaled by the coefficient weights
        double[] cost;      // accumulated cost of the best path ending at (current frame, j)
        int[] length;       // input frames on that path
        double[] prevCost;
        int[] prevLength;

        Track(KeywordTemplate t) {
            template = t;
            int m = t.features().length;
            cost = new double[m];
            length = new int[m];
            prevCost = new double[m];
            prevLength = new int[m];
        }
    }

    /**
     * @param templates one or more examples per word
     * @param threshold mean frame distance that counts as a match (about 4-6 for these features; lower is stricter)
     */
    public KeywordSpotter(List<KeywordTemplate> templates, double threshold, StopListener listener) {
        ensureNotNull(templates, "templates");
        if (templates.isEmpty()) {
            throw new IllegalArgumentException("the keyword spotter needs at least one template");
        }
        for (KeywordTemplate t : templates) {
            tracks.add(new Track(t));
        }
        this.threshold = threshold;
        // scale each coefficient by its spread over the templates, so that c1 does not dominate
        double[] mean = new double[KeywordTemplate.COEFFS];
        double[] sq = new double[KeywordTemplate.COEFFS];
        int count = 0;
        for (KeywordTemplate t : templates) {
            for (float[] v : t.features()) {
                for (int k = 0; k < v.length; k++) {
                    mean[k] += v[k];
                    sq[k] += v[k] * v[k];
                }
                count++;
            }
        }
        weight = new float[KeywordTemplate.COEFFS];
        for (int k = 0; k < weight.length; k++) {
            double m = mean[k] / count;
            weight[k] = (float) (1 / Math.sqrt(Math.max(1e-6, sq[k] / count - m * m)));
        }
        for (Track tr : tracks) {
            float[][] f = tr.template.features();
            tr.features = new float[f.length][];
            for (int i = 0; i < f.length; i++) {
                tr.features[i] = new float[f[i].length];
                for (int k = 0; k < f[i].length; k++) {
                    tr.features[i][k] = f[i][k] * weight[k];
                }
            }
        }
        this.listener = ensureNotNull(listener, "listener");
    }

    /** The lowest match score seen so far (for calibrating the threshold). */
    public double bestScore() {
        return bestScore;
    }

    @Override
    public void onFrame(Frame frame, VadDecision decision) {
        float[] c = KeywordTemplate.cepstrum(frame);
        float[] x = new float[c.length];
        for (int k = 0; k < c.length; k++) {
            x[k] = c[k] * weight[k];
        }
        if (decision.speech()) {
            lastSpeechFrame = frame.index();
        }
        boolean active = frame.index() - lastSpeechFrame <= SPEECH_GRACE_FRAMES;
        double floor = Double.POSITIVE_INFINITY;
        for (Track t : tracks) {
            for (float[] v : t.features) {
                floor = Math.min(floor, distance(x, v));
            }
        }
        for (Track t : tracks) {
            double score = step(t, x, floor);
            if (!active || Double.isNaN(score)) {
                continue;
            }
            bestScore = Math.min(bestScore, score);
            long now = frame.endMs();
            if (score <= threshold && now - lastDetectionMs >= REFRACTORY_MS) {
                lastDetectionMs = now;
                listener.onStop(new StopDetection(now, t.template.word(), StopDetection.Source.KEYWORD_SPOTTER,
                        String.format(java.util.Locale.ROOT, "DTW distance %.2f (threshold %.2f)", score, threshold)));
            }
        }
    }

    /**
     * Advances one template by one input frame. Each cell accumulates the frame distance in excess of
     * {@code floor} (the input frame's distance to the nearest frame of any template: a "garbage" model),
     * so the score is how much worse than the best unordered match the ordered path is, per frame.
     * Returns the score of the best path through the whole template ending here, or NaN.
     */
    private static double step(Track t, float[] x, double floor) {
        float[][] tpl = t.features;
        int m = tpl.length;
        for (int j = 0; j < m; j++) {
            double d = distance(x, tpl[j]) - floor;
            if (j == 0) {
                t.cost[0] = d; // a match may start at any input frame
                t.length[0] = 1;
                continue;
            }
            // predecessors at the previous input frame: template j-1 (diagonal), j-2 (skip), j (stall)
            double bestMean = Double.POSITIVE_INFINITY;
            double bestCost = Double.POSITIVE_INFINITY;
            int bestLen = 0;
            for (int back = 0; back <= 2; back++) {
                int from = j - back;
                if (from >= 0 && t.prevLength[from] > 0) {
                    double c = t.prevCost[from] + d;
                    double mean = c / (t.prevLength[from] + 1);
                    if (mean < bestMean) {
                        bestMean = mean;
                        bestCost = c;
                        bestLen = t.prevLength[from] + 1;
                    }
                }
            }
            t.cost[j] = bestCost;
            t.length[j] = bestLen;
        }
        double[] c = t.prevCost;
        t.prevCost = t.cost;
        t.cost = c;
        int[] l = t.prevLength;
        t.prevLength = t.length;
        t.length = l;
        int len = t.prevLength[m - 1];
        if (len < Math.max(1, m / 2) || len > 2 * m) {
            return Double.NaN;
        }
        return t.prevCost[m - 1] / len;
    }

    private static double distance(float[] a, float[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            double d = a[k] - b[k];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
