package dev.voicebot.actuators.bus;

/** MQTT quality of service. */
public enum QoS {
    AT_MOST_ONCE(0), AT_LEAST_ONCE(1), EXACTLY_ONCE(2);

    private final int level;

    QoS(int level) {
        this.level = level;
    }

    public int level() {
        return level;
    }
}
