package dev.voicebot.brain.fastpath;

/**
 * A direction word of either language. What it means depends on the action: {@code STRAIGHT} is
 * forward for a move and "centre" for a look; {@code BACKWARD} on a turn means turn around.
 * {@code AHEAD} is kept apart from {@code FORWARD} because "go ahead" alone is a conversational
 * "please continue", not a motion.
 */
enum Direction {
    FORWARD, BACKWARD, LEFT, RIGHT, UP, DOWN, STRAIGHT, AHEAD, AROUND
}
