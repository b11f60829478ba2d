package dev.voicebot.runtime.doctor;

import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.TargetDataLine;

/** Microphones Java Sound can open (capture lines), which {@code robot run --input mic} needs. */
public final class AudioDeviceCheck implements Check {
    @Override
    public List<Finding> run() {
        List<String> capture = new ArrayList<>();
        AudioFormat wanted = new AudioFormat(16_000f, 16, 1, true, false);
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            Mixer mixer = AudioSystem.getMixer(info);
            if (mixer.isLineSupported(new DataLine.Info(TargetDataLine.class, wanted))
                    || mixer.getTargetLineInfo().length > 0 && hasTargetDataLine(mixer)) {
                capture.add(info.getName());
            }
        }
        if (capture.isEmpty()) {
            return List.of(Finding.warn("audio input", "no capture device (microphone) found",
                    "connect a microphone and check `arecord -l`; in a service, add the user to the 'audio' group. "
                            + "Typed (--input stdin) and WAV input work without one"));
        }
        return List.of(Finding.ok("audio input", capture.size() + " capture device(s): " + String.join("; ", capture)));
    }

    private static boolean hasTargetDataLine(Mixer mixer) {
        for (javax.sound.sampled.Line.Info li : mixer.getTargetLineInfo()) {
            if (TargetDataLine.class.isAssignableFrom(li.getLineClass())) {
                return true;
            }
        }
        return false;
    }
}
