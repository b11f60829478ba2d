package dev.voicebot.actuators.intent;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of intent in the command vocabulary, with their wire names. */
public enum IntentKind {
    MOVE("move", Move.class),
    TURN("turn", Turn.class),
    STOP("stop", Stop.class),
    GESTURE("gesture", Gesture.class),
    LOOK("look", Look.class),
    POSE("pose", Pose.class),
    SPEAK("speak", Speak.class);

    private final String wireName;
    private final Class<? extends Intent> type;

    IntentKind(String wireName, Class<? extends Intent> type) {
        this.wireName = wireName;
        this.type = type;
    }

    public String wireName() {
        return wireName;
    }

    public Class<? extends Intent> type() {
        return type;
    }

    public static IntentKind of(Intent intent) {
        for (IntentKind k : values()) {
            if (k.type.isInstance(intent)) {
                return k;
            }
        }
        throw new IllegalArgumentException("not a known intent: " + intent);
    }

    public static Optional<IntentKind> byWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }
}
