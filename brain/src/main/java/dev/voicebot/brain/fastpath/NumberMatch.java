package dev.voicebot.brain.fastpath;

/** A number read from tokens {@code [start, end)} of a clause. */
record NumberMatch(double value, int end) {
}
