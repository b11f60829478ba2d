package dev.voicebot.runtime.feedback;

/** Something said, by a person or the robot, with its language (null when unknown). */
public record Said(String text, String language) {
}
