package dev.voicebot.actuators.intent;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One thing the robot can be asked to do: the command vocabulary. The JSON form carries a
 * {@code "type"} field naming the kind ({@code move}, {@code turn}, ...) next to the record's fields.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Move.class, name = "move"),
    @JsonSubTypes.Type(value = Turn.class, name = "turn"),
    @JsonSubTypes.Type(value = Stop.class, name = "stop"),
    @JsonSubTypes.Type(value = Gesture.class, name = "gesture"),
    @JsonSubTypes.Type(value = Look.class, name = "look"),
    @JsonSubTypes.Type(value = Pose.class, name = "pose"),
    @JsonSubTypes.Type(value = Speak.class, name = "speak"),
})
public sealed interface Intent permits Move, Turn, Stop, Gesture, Look, Pose, Speak {

    /** The wire name of this kind of intent, as in the {@code "type"} field. */
    @JsonIgnore
    default String kind() {
        return IntentKind.of(this).wireName();
    }

    /** True when running it moves the base (move, turn): these go through motion validation. */
    @JsonIgnore
    default boolean isMotion() {
        return this instanceof Move || this instanceof Turn;
    }
}
