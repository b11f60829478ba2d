package dev.voicebot.speech.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.speech.AudioDeviceException;
import dev.voicebot.speech.testing.Signals;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class PcmStreamSourceTest {

    @Test
    void rawS16leFromAStreamArrivesUnchangedIncludingAPartialLastFrame() {
        float[] x = Signals.tone(300, 0.25, 0.3, 16_000);
        byte[] bytes = new byte[x.length * 2 + 1];
        for (int i = 0; i < x.length; i++) {
            short s = (short) Math.round(x[i] * 32767);
            bytes[2 * i] = (byte) s;
            bytes[2 * i + 1] = (byte) (s >> 8);
        }
        // a stream that hands out odd-sized pieces, like a pipe
        InputStream dribble = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 333));
            }
        };
        try (AudioSource s = AudioSources.open("-", dribble)) {
            float[] y = AudioSources.readFully(s);
            assertEquals(x.length, y.length);
            for (int i = 0; i < x.length; i++) {
                assertEquals(x[i], y[i], 1.0 / 32768 + 1e-6);
            }
        }
    }

    @Test
    void unknownInputSpecIsExplained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AudioSources.open("speaker", InputStream.nullInputStream()));
        assertTrue(e.getMessage().contains("mic, wav:FILE"), e.getMessage());
    }

    @Test
    void microphoneEitherOpensOrFailsWithAClearMessage() {
        if (MicrophoneSource.anyDevicePresent()) {
            try (MicrophoneSource mic = MicrophoneSource.open()) {
                float[] buf = new float[320];
                assertTrue(mic.read(buf) >= 0);
            } catch (AudioDeviceException busy) {
                assertTrue(busy.getMessage().startsWith("speech: cannot open the microphone"), busy.getMessage());
            }
        } else {
            AudioDeviceException e = assertThrows(AudioDeviceException.class, MicrophoneSource::open);
            assertTrue(e.getMessage().startsWith("speech: no microphone"), e.getMessage());
            Assumptions.abort("no capture device on this machine; checked the error message only");
        }
    }
}
