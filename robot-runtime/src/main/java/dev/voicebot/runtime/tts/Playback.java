package dev.voicebot.runtime.tts;

import dev.voicebot.speech.audio.Pcm16k;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where spoken audio goes: the default sound device, or nowhere (the caller keeps real-time pace itself). */
final class Playback implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Playback.class);
    private final SourceDataLine line;

    private Playback(SourceDataLine line) {
        this.line = line;
    }

    static Playback open(boolean device) {
        if (!device) {
            return new Playback(null);
        }
        AudioFormat format = new AudioFormat(Pcm16k.SAMPLE_RATE, 16, 1, true, false);
        try {
            SourceDataLine l = AudioSystem.getSourceDataLine(format);
            l.open(format, Pcm16k.SAMPLE_RATE / 5 * 2);
            l.start();
            return new Playback(l);
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            LOG.warn("no sound device for speech output; speaking silently", e);
            return new Playback(null);
        }
    }

    void write(float[] chunk) {
        if (line == null) {
            return;
        }
        byte[] b = new byte[chunk.length * 2];
        for (int i = 0; i < chunk.length; i++) {
            int v = Math.round(Math.max(-1f, Math.min(1f, chunk[i])) * 32767f);
            b[2 * i] = (byte) v;
            b[2 * i + 1] = (byte) (v >> 8);
        }
        line.write(b, 0, b.length);
    }

    void flush() {
        if (line != null) {
            line.flush();
        }
    }

    @Override
    public void close() {
        if (line != null) {
            line.drain();
            line.close();
        }
    }
}
