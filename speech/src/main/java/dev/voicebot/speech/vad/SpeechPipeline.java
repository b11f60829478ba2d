package dev.voicebot.speech.vad;

import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.speech.audio.Pcm16k;
import dev.voicebot.speech.features.Frame;
import dev.voicebot.speech.features.FrameAnalyzer;
import dev.voicebot.speech.features.ProsodyAnalyzer;
import dev.voicebot.speech.vad.SpeechEvent.SpeechDiscarded;
import dev.voicebot.speech.vad.SpeechEvent.SpeechStarted;
import dev.voicebot.speech.vad.SpeechEvent.UtteranceEnded;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Streaming endpointer: push 16 kHz mono chunks in, get {@link SpeechEvent}s out. Runs the
 * TarsosDSP {@link FrameAnalyzer}, the {@link VoiceActivityDetector} and this state machine:
 *
 * <ul>
 * <li>idle: speech is confirmed when {@value #ONSET_NEEDED} of the last {@value #ONSET_WINDOW}
 *     frames are speech; the onset is the first of them ({@link SpeechStarted});</li>
 * <li>in speech: the utterance ends when no speech has been heard for the hangover, or is cut at
 *     the maximum length, or at the end of the stream ({@link UtteranceEnded}); if it holds less
 *     speech than the minimum it is dropped instead ({@link SpeechDiscarded}).</li>
 * </ul>
 *
 * Every utterance carries its audio from pre-roll before the onset to the end of the hangover, so
 * the onset is never clipped. Not thread-safe: call from the one audio thread.
 */
public final class SpeechPipeline {
    static final int ONSET_WINDOW = 8;
    static final int ONSET_NEEDED = 5;

    private final EndpointerSettings settings;
    private final FrameListener frameListener;
    private final FrameAnalyzer analyzer = new FrameAnalyzer();
    private final VoiceActivityDetector vad = new VoiceActivityDetector();
    private final SampleHistory history = new SampleHistory();
    private final Deque<Frame> recentFrames = new ArrayDeque<>();
    private final Deque<VadDecision> recentDecisions = new ArrayDeque<>();
    private final List<SpeechEvent> out = new ArrayList<>();

    private boolean inSpeech;
    private long onsetFrame;
    private long lastSpeechFrame;
    private boolean previousSpeech;
    private float peakSnr;
    private final List<Frame> utteranceFrames = new ArrayList<>();
    private final List<Boolean> utteranceSpeech = new ArrayList<>();
    private boolean finished;

    public SpeechPipeline(EndpointerSettings settings) {
        this(settings, (f, d) -> { });
    }

    public SpeechPipeline(EndpointerSettings settings, FrameListener frameListener) {
        this.settings = ensureNotNull(settings, "settings");
        this.frameListener = ensureNotNull(frameListener, "frameListener");
    }

    /** Feeds a chunk of 16 kHz mono audio; returns the events it completed, in order (often none). */
    public List<SpeechEvent> accept(float[] samples, int offset, int length) {
        if (finished) {
            throw new IllegalStateException("the pipeline was finished");
        }
        out.clear();
        history.append(samples, offset, length);
        analyzer.accept(samples, offset, length, this::onFrame);
        trimHistory();
        return List.copyOf(out);
    }

    public List<SpeechEvent> accept(float[] samples) {
        return accept(samples, 0, samples.length);
    }

    /** Ends the stream: analyses the last frames and closes an open utterance. */
    public List<SpeechEvent> finish() {
        if (finished) {
            return List.of();
        }
        out.clear();
        analyzer.flush(this::onFrame);
        if (inSpeech) {
            end(lastSpeechFrame, analyzer.nextFrameIndex(), Utterance.EndReason.END_OF_STREAM);
        }
        finished = true;
        return List.copyOf(out);
    }

    /** Audio time analysed so far, ms from the stream start. */
    public long processedMs() {
        return analyzer.nextFrameIndex() * Frame.HOP_MS;
    }

    public boolean inSpeech() {
        return inSpeech;
    }

    public float noiseFloorDb() {
        return vad.noiseFloorDb();
    }

    private void onFrame(Frame frame) {
        VadDecision d = vad.accept(frame, inSpeech);
        frameListener.onFrame(frame, d);
        long idx = frame.index();
        if (!inSpeech) {
            recentFrames.addLast(frame);
            recentDecisions.addLast(d);
            if (recentFrames.size() > ONSET_WINDOW) {
                recentFrames.removeFirst();
                recentDecisions.removeFirst();
            }
            long speechCount = recentDecisions.stream().filter(VadDecision::speech).count();
            if (speechCount >= ONSET_NEEDED) {
                startUtterance();
            }
            return;
        }
        utteranceFrames.add(frame);
        utteranceSpeech.add(d.speech());
        peakSnr = Math.max(peakSnr, d.snrDb());
        if (d.speech() && (previousSpeech || d.snrDb() >= 6f)) {
            lastSpeechFrame = idx; // a lone weak blip in the hangover does not extend the utterance
        }
        previousSpeech = d.speech();
        long silentMs = (idx - lastSpeechFrame) * Frame.HOP_MS;
        long lengthMs = (idx + 1 - onsetFrame) * Frame.HOP_MS;
        if (silentMs >= settings.hangover().toMillis()) {
            end(lastSpeechFrame, idx + 1, Utterance.EndReason.SILENCE);
        } else if (lengthMs >= settings.maxUtterance().toMillis()) {
            end(idx, idx + 1, Utterance.EndReason.MAX_LENGTH);
        }
    }

    private void startUtterance() {
        Frame first = null;
        var frames = recentFrames.iterator();
        var decisions = recentDecisions.iterator();
        utteranceFrames.clear();
        utteranceSpeech.clear();
        peakSnr = 0;
        while (frames.hasNext()) {
            Frame f = frames.next();
            VadDecision d = decisions.next();
            if (first == null && !d.speech()) {
                continue;
            }
            if (first == null) {
                first = f;
            }
            utteranceFrames.add(f);
            utteranceSpeech.add(d.speech());
            peakSnr = Math.max(peakSnr, d.snrDb());
            if (d.speech()) {
                lastSpeechFrame = f.index();
            }
        }
        onsetFrame = first.index();
        previousSpeech = true;
        inSpeech = true;
        recentFrames.clear();
        recentDecisions.clear();
        out.add(new SpeechStarted(onsetFrame * Frame.HOP_MS));
    }

    /** @param lastFrame last speech frame (inclusive); @param audioEndFrame frame where the audio stops (exclusive) */
    private void end(long lastFrame, long audioEndFrame, Utterance.EndReason reason) {
        inSpeech = false;
        long startMs = onsetFrame * Frame.HOP_MS;
        long endMs = (lastFrame + 1) * Frame.HOP_MS;
        int keep = (int) (lastFrame - onsetFrame + 1);
        List<Frame> frames = new ArrayList<>(utteranceFrames.subList(0, Math.min(keep, utteranceFrames.size())));
        boolean[] speech = new boolean[frames.size()];
        int speechFrames = 0;
        double energySum = 0;
        for (int i = 0; i < speech.length; i++) {
            speech[i] = utteranceSpeech.get(i);
            if (speech[i]) {
                speechFrames++;
                energySum += Math.pow(10, frames.get(i).energyDb() / 10);
            }
        }
        utteranceFrames.clear();
        utteranceSpeech.clear();
        if (speechFrames * Frame.HOP_MS < settings.minSpeech().toMillis()) {
            out.add(new SpeechDiscarded(startMs, endMs, "only " + speechFrames * Frame.HOP_MS + " ms of speech (minimum "
                    + settings.minSpeech().toMillis() + " ms)"));
            return;
        }
        long audioStartMs = Math.max(0, startMs - settings.preRoll().toMillis());
        long audioEndMs = audioEndFrame * Frame.HOP_MS;
        float[] samples = history.copy(audioStartMs * Pcm16k.SAMPLES_PER_MS, audioEndMs * Pcm16k.SAMPLES_PER_MS);
        double floor = vad.noiseFloorDb();
        var stats = new Utterance.VoiceStats(speechFrames, floor, 10 * Math.log10(energySum / speechFrames), peakSnr);
        out.add(new UtteranceEnded(new Utterance(startMs, endMs, audioStartMs, samples,
                ProsodyAnalyzer.summarize(frames, speech, floor), stats, reason)));
    }

    private void trimHistory() {
        long keepFromMs;
        if (inSpeech) {
            keepFromMs = onsetFrame * Frame.HOP_MS - settings.preRoll().toMillis();
        } else {
            keepFromMs = processedMs() - settings.preRoll().toMillis() - (ONSET_WINDOW + 4) * Frame.HOP_MS;
        }
        history.discardBefore(Math.max(0, keepFromMs) * Pcm16k.SAMPLES_PER_MS);
    }
}
