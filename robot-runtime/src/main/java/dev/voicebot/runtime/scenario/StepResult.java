package dev.voicebot.runtime.scenario;

import java.time.Duration;

/** How one step went: {@code detail} says what was seen, especially when it failed. */
public record StepResult(int index, String step, boolean passed, String detail, Duration elapsed) {
}
