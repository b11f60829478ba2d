package dev.voicebot.actuators.safety;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why an intent was not sent, as a stable machine-readable code. */
public enum RefusalCode {
    NOT_ALLOWED("not-allowed"),
    OUT_OF_BOUNDS("out-of-bounds"),
    GEOFENCE("geofence"),
    RATE_LIMIT("rate-limit"),
    UNCONFIRMED("unconfirmed"),
    ESTOP("estop"),
    DISCONNECTED("disconnected"),
    PUBLISH_FAILED("publish-failed");

    private final String wire;

    RefusalCode(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
