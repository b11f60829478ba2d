package dev.voicebot.speech.audio;

import dev.voicebot.speech.AudioDeviceException;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default capture device through Java Sound, delivered as 16 kHz mono. Prefers a 16 kHz mono
 * line; otherwise takes 48 or 44.1 kHz (mono or stereo) and converts. Reads return every 20 ms.
 * {@link #close()} may be called from another thread to end a blocked read.
 */
public final class MicrophoneSource extends ConvertingSource {
    private static final Logger LOG = LoggerFactory.getLogger(MicrophoneSource.class);
    private static final float[] RATES = {16_000f, 48_000f, 44_100f, 32_000f, 22_050f};

    private final TargetDataLine line;
    private final AudioFormat format;
    private final byte[] bytes;
    private volatile boolean closed;

    private MicrophoneSource(TargetDataLine line, AudioFormat format) {
        super((int) format.getSampleRate(), (int) (format.getSampleRate() / 50));
        this.line = line;
        this.format = format;
        this.bytes = new byte[(int) (format.getSampleRate() / 50) * format.getFrameSize()];
    }

    /** True if Java Sound offers any capture line at all (tests use this to skip on machines without one). */
    public static boolean anyDevicePresent() {
        try {
            return AudioSystem.isLineSupported(new DataLine.Info(TargetDataLine.class, null))
                    || candidates().stream().anyMatch(f -> AudioSystem.isLineSupported(new DataLine.Info(TargetDataLine.class, f)));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Opens and starts the default microphone.
     *
     * @throws AudioDeviceException if there is no capture device, or it is busy or refuses every format
     */
    public static MicrophoneSource open() {
        List<String> problems = new ArrayList<>();
        for (AudioFormat f : candidates()) {
            DataLine.Info info = new DataLine.Info(TargetDataLine.class, f);
            try {
                if (!AudioSystem.isLineSupported(info)) {
                    continue;
                }
                TargetDataLine line = (TargetDataLine) AudioSystem.getLine(info);
                line.open(f, (int) (f.getSampleRate() / 5) * f.getFrameSize()); // 200 ms device buffer
                line.start();
                LOG.info("microphone open: {} ({})", line.getLineInfo(), f);
                return new MicrophoneSource(line, f);
            } catch (LineUnavailableException e) {
                problems.add(f + ": busy or unavailable (" + e + ")");
            } catch (IllegalArgumentException | SecurityException e) {
                problems.add(f + ": " + e);
            }
        }
        if (problems.isEmpty()) {
            throw new AudioDeviceException("no microphone: Java Sound found no audio capture device on this machine "
                    + "(check that one is connected, that the JVM can use it, and that the sound system, e.g. ALSA or PulseAudio, is running); "
                    + "use --input wav:FILE or raw PCM on stdin instead", null);
        }
        throw new AudioDeviceException("cannot open the microphone: " + String.join("; ", problems), null);
    }

    private static List<AudioFormat> candidates() {
        List<AudioFormat> out = new ArrayList<>();
        for (float rate : RATES) {
            for (int channels = 1; channels <= 2; channels++) {
                out.add(new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, rate, 16, channels, 2 * channels, rate, false));
            }
        }
        return out;
    }

    public AudioFormat deviceFormat() {
        return format;
    }

    @Override
    protected int readNative(float[] mono) {
        if (closed) {
            return -1;
        }
        int frameSize = format.getFrameSize();
        int n = line.read(bytes, 0, Math.min(bytes.length, mono.length * frameSize));
        if (closed) {
            return -1;
        }
        if (n <= 0) {
            if (!line.isOpen()) {
                throw new AudioDeviceException("the microphone line closed unexpectedly", null);
            }
            return 0;
        }
        int channels = format.getChannels();
        int frames = n / frameSize;
        for (int f = 0; f < frames; f++) {
            float sum = 0;
            for (int c = 0; c < channels; c++) {
                int i = f * frameSize + c * 2;
                sum += (short) ((bytes[i] & 0xFF) | (bytes[i + 1] << 8)) / 32768f;
            }
            mono[f] = sum / channels;
        }
        return frames;
    }

    @Override
    public String name() {
        return "microphone " + line.getLineInfo();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        line.stop();
        line.close();
    }
}
