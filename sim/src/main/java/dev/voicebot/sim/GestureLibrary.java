package dev.voicebot.sim;

import dev.voicebot.actuators.intent.Gesture;
import dev.voicebot.sim.JointMotion.Keyframe;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The joint motions of the gestures in the command vocabulary. */
public final class GestureLibrary {
    private static final Map<Gesture.Name, JointMotion> MOTIONS = new EnumMap<>(Gesture.Name.class);

    static {
        MOTIONS.put(Gesture.Name.WAVE, new JointMotion("wave", 2.0, Map.of(
                "rightShoulder", keys(0, 0, 0.4, 150, 1.6, 150, 2.0, 0),
                "rightElbow", keys(0, 0, 0.4, 0, 0.6, 35, 0.8, -35, 1.0, 35, 1.2, -35, 1.4, 35, 1.6, 0))));
        MOTIONS.put(Gesture.Name.NOD, new JointMotion("nod", 1.2, Map.of(
                "headTilt", keys(0, 0, 0.3, -20, 0.6, 5, 0.9, -20, 1.2, 0))));
        MOTIONS.put(Gesture.Name.BOW, new JointMotion("bow", 2.0, Map.of(
                "waist", keys(0, 0, 0.7, 35, 1.3, 35, 2.0, 0),
                "headTilt", keys(0, 0, 0.7, -10, 1.3, -10, 2.0, 0))));
        MOTIONS.put(Gesture.Name.SHAKE_HEAD, new JointMotion("shake-head", 1.4, Map.of(
                "headPan", keys(0, 0, 0.35, 30, 0.7, -30, 1.05, 30, 1.4, 0))));
        MOTIONS.put(Gesture.Name.POINT, new JointMotion("point", 1.6, Map.of(
                "rightShoulder", keys(0, 0, 0.4, 90, 1.2, 90, 1.6, 0),
                "rightElbow", keys(0, 0, 0.4, 0, 1.6, 0))));
    }

    private GestureLibrary() {
    }

    /** The motion that plays {@code gesture}. */
    public static JointMotion motionOf(Gesture.Name gesture) {
        JointMotion m = MOTIONS.get(gesture);
        if (m == null) {
            throw new IllegalArgumentException("no joint motion for gesture " + gesture.wire());
        }
        return m;
    }

    private static List<Keyframe> keys(double... timeDeg) {
        Keyframe[] out = new Keyframe[timeDeg.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = new Keyframe(timeDeg[2 * i], timeDeg[2 * i + 1]);
        }
        return List.of(out);
    }
}
