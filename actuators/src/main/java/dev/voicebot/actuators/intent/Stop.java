package dev.voicebot.actuators.intent;

/** Halt at once and drop every queued motion. */
public record Stop() implements Intent {
}
