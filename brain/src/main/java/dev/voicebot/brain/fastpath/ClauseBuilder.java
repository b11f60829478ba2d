package dev.voicebot.brain.fastpath;

import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Collects the parts of one clause as a grammar reads them. Each setter returns false when the part
 * clashes with one already said (two distances, two speeds, two verbs), which rejects the clause.
 */
final class ClauseBuilder {
    private Action action;
    private final EnumSet<Direction> directions = EnumSet.noneOf(Direction.class);
    private Quantity quantity;
    private Speed speed;
    private boolean small;
    private OptionalDouble defaultAngleDeg = OptionalDouble.empty();

    boolean action(Action value) {
        if (action != null && action != value) {
            return false;
        }
        action = value;
        return true;
    }

    Action action() {
        return action;
    }

    void direction(Direction value) {
        directions.add(value);
    }

    boolean quantity(Quantity value) {
        if (quantity != null) {
            return false;
        }
        quantity = value;
        return true;
    }

    boolean speed(Speed value) {
        if (speed != null) {
            return false;
        }
        speed = value;
        return true;
    }

    void small() {
        small = true;
    }

    void defaultAngle(double degrees) {
        defaultAngleDeg = OptionalDouble.of(degrees);
    }

    Optional<CommandClause> build() {
        if (action == null) {
            return Optional.empty();
        }
        return Optional.of(new CommandClause(action, directions, Optional.ofNullable(quantity),
                Optional.ofNullable(speed), small, defaultAngleDeg));
    }
}
