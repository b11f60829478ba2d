package dev.voicebot.runtime.doctor;

/** How a check came out: fine, works with limits, or broken. */
public enum Severity {
    OK, WARN, FAIL
}
