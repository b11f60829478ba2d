package dev.voicebot.brain.fastpath;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One command of an utterance in language-neutral form: the action and what was said about it.
 * {@code defaultAngleDeg} is the angle a verb implies when none is said ("spin" = 360).
 */
record CommandClause(Action action, Set<Direction> directions, Optional<Quantity> quantity,
        Optional<Speed> speed, boolean small, OptionalDouble defaultAngleDeg) {
    CommandClause {
        directions = Set.copyOf(directions);
    }
}
