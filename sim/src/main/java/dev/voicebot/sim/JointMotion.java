package dev.voicebot.sim;

import static dev.voicebot.config.Checks.ensureNotBlank;
import static dev.voicebot.config.Checks.ensureNotNull;
import static dev.voicebot.config.Checks.ensurePositive;

import dev.voicebot.config.SimConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A timed joint motion: for each joint it moves, keyframes of (seconds, degrees) starting and ending
 * at 0, eased between keyframes. The angles are offsets added to the joint's resting angle (so a nod
 * nods from wherever the head is looking).
 */
public record JointMotion(String name, double seconds, Map<String, List<Keyframe>> tracks) {

    /** One point of a track: at {@code t} seconds the joint is {@code deg} degrees from rest. */
    public record Keyframe(double t, double deg) {
    }

    public JointMotion {
        ensureNotBlank(name, "name");
        ensurePositive(seconds, "seconds");
        ensureNotNull(tracks, "tracks");
        for (Map.Entry<String, List<Keyframe>> track : tracks.entrySet()) {
            if (!SimConfig.JOINTS.contains(track.getKey())) {
                throw new IllegalArgumentException("motion '" + name + "' moves unknown joint '" + track.getKey() + "'");
            }
            List<Keyframe> keys = track.getValue();
            if (keys.size() < 2 || keys.get(0).t() != 0 || keys.get(keys.size() - 1).t() > seconds) {
                throw new IllegalArgumentException("motion '" + name + "', joint " + track.getKey()
                        + ": keyframes must start at 0 s and end by " + seconds + " s");
            }
            for (int i = 1; i < keys.size(); i++) {
                if (keys.get(i).t() <= keys.get(i - 1).t()) {
                    throw new IllegalArgumentException("motion '" + name + "', joint " + track.getKey() + ": keyframe times must increase");
                }
            }
        }
        tracks = Map.copyOf(tracks);
    }

    /** The offset of every joint this motion moves, {@code t} seconds after it started. */
    public Map<String, Double> offsetsAt(double t) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Keyframe>> track : tracks.entrySet()) {
            out.put(track.getKey(), sample(track.getValue(), t));
        }
        return out;
    }

    private static double sample(List<Keyframe> keys, double t) {
        if (t <= keys.get(0).t()) {
            return keys.get(0).deg();
        }
        for (int i = 1; i < keys.size(); i++) {
            Keyframe a = keys.get(i - 1);
            Keyframe b = keys.get(i);
            if (t <= b.t()) {
                double u = (t - a.t()) / (b.t() - a.t());
                double eased = (1 - Math.cos(Math.PI * u)) / 2;
                return a.deg() + (b.deg() - a.deg()) * eased;
            }
        }
        return keys.get(keys.size() - 1).deg();
    }
}
