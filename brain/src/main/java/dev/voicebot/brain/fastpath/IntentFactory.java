package dev.voicebot.brain.fastpath;

import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.actuators.intent.Gesture;
import dev.voicebot.actuators.intent.Intent;
import dev.voicebot.actuators.intent.Look;
import dev.voicebot.actuators.intent.Move;
import dev.voicebot.actuators.intent.Pose;
import dev.voicebot.actuators.intent.Turn;
import dev.voicebot.config.MotionConfig;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a language-neutral clause into an intent, or rejects it when the parts do not make one
 * command (a move to the left, a look backwards, a gesture with a distance...).
 */
final class IntentFactory {
    private static final Set<Direction> FORWARDISH = EnumSet.of(Direction.FORWARD, Direction.STRAIGHT, Direction.AHEAD);
    private static final Set<Direction> CENTRE = EnumSet.of(Direction.FORWARD, Direction.STRAIGHT, Direction.AHEAD);

    private final MotionConfig motion;

    IntentFactory(MotionConfig motion) {
        this.motion = ensureNotNull(motion, "motion");
    }

    Optional<Intent> toIntent(CommandClause clause) {
        return switch (clause.action()) {
            case MOVE -> move(clause);
            case TURN -> turn(clause);
            case LOOK -> look(clause);
            case WAVE -> gesture(clause, Gesture.Name.WAVE);
            case NOD -> gesture(clause, Gesture.Name.NOD);
            case SHAKE_HEAD -> gesture(clause, Gesture.Name.SHAKE_HEAD);
            case BOW -> gesture(clause, Gesture.Name.BOW);
            case POINT -> gesture(clause, Gesture.Name.POINT);
            case SIT -> pose(clause, Pose.Posture.SIT);
            case STAND -> pose(clause, Pose.Posture.STAND);
        };
    }

    private Optional<Intent> move(CommandClause c) {
        Set<Direction> dirs = c.directions();
        double sign;
        boolean explicit;
        if (dirs.equals(EnumSet.of(Direction.BACKWARD))) {
            sign = -1;
            explicit = true;
        } else if (FORWARDISH.containsAll(dirs)) {
            sign = 1;
            // "go ahead" alone is "please continue"; only forward/straight name a motion by themselves.
            explicit = dirs.contains(Direction.FORWARD) || dirs.contains(Direction.STRAIGHT);
        } else {
            return Optional.empty();
        }
        double distance;
        if (c.quantity().isPresent()) {
            Quantity q = c.quantity().get();
            if (c.small() || (q.unit() != Quantity.Unit.METRE && q.unit() != Quantity.Unit.BARE)) {
                return Optional.empty();
            }
            distance = q.value();
        } else if (c.small()) {
            distance = FastPathDefaults.SMALL_DISTANCE_M;
        } else if (explicit) {
            distance = FastPathDefaults.DISTANCE_M;
        } else {
            return Optional.empty();
        }
        if (!(distance > 0) || Double.isInfinite(distance)) {
            return Optional.empty();
        }
        return speed(c, Quantity.Unit.METRE, motion.defaultSpeedMps()).map(v -> new Move(sign * distance, v));
    }

    private Optional<Intent> turn(CommandClause c) {
        EnumSet<Direction> dirs = c.directions().isEmpty() ? EnumSet.noneOf(Direction.class) : EnumSet.copyOf(c.directions());
        boolean around = dirs.remove(Direction.AROUND) | dirs.remove(Direction.BACKWARD);
        double sign;
        if (dirs.isEmpty()) {
            sign = 1;
        } else if (dirs.equals(EnumSet.of(Direction.LEFT))) {
            sign = 1;
        } else if (dirs.equals(EnumSet.of(Direction.RIGHT))) {
            sign = -1;
        } else {
            return Optional.empty();
        }
        boolean side = !dirs.isEmpty();
        double angle;
        if (c.quantity().isPresent()) {
            if (c.small()) {
                return Optional.empty();
            }
            Optional<Double> deg = degrees(c.quantity().get());
            if (deg.isEmpty()) {
                return Optional.empty();
            }
            angle = deg.get();
        } else if (c.small()) {
            angle = FastPathDefaults.SMALL_TURN_DEG;
        } else if (c.defaultAngleDeg().isPresent()) {
            angle = c.defaultAngleDeg().getAsDouble();
        } else if (around) {
            angle = FastPathDefaults.TURN_AROUND_DEG;
        } else if (side) {
            angle = FastPathDefaults.TURN_DEG;
        } else {
            return Optional.empty();
        }
        if (!(angle > 0) || Double.isInfinite(angle)) {
            return Optional.empty();
        }
        return speed(c, Quantity.Unit.DEGREE, motion.defaultTurnRateDegPerS()).map(r -> new Turn(sign * angle, r));
    }

    private Optional<Intent> look(CommandClause c) {
        Set<Direction> dirs = c.directions();
        Direction horizontal = null;
        Direction vertical = null;
        boolean centre = false;
        for (Direction d : dirs) {
            if (d == Direction.LEFT || d == Direction.RIGHT) {
                if (horizontal != null) {
                    return Optional.empty();
                }
                horizontal = d;
            } else if (d == Direction.UP || d == Direction.DOWN) {
                if (vertical != null) {
                    return Optional.empty();
                }
                vertical = d;
            } else if (CENTRE.contains(d)) {
                centre = true;
            } else {
                return Optional.empty();
            }
        }
        if (horizontal == null && vertical == null && !centre) {
            return Optional.empty();
        }
        if (centre && horizontal != null) {
            return Optional.empty();
        }
        if (c.speed().isPresent() && c.speed().get() instanceof Speed.PerSecond) {
            return Optional.empty();
        }
        double amount = c.small() ? FastPathDefaults.SMALL_LOOK_DEG : FastPathDefaults.LOOK_DEG;
        if (c.quantity().isPresent()) {
            // One number cannot be shared by two axes, nor aimed at "straight ahead".
            if (c.small() || (horizontal != null) == (vertical != null)) {
                return Optional.empty();
            }
            Optional<Double> deg = degrees(c.quantity().get());
            if (deg.isEmpty() || !(deg.get() > 0)) {
                return Optional.empty();
            }
            amount = deg.get();
        }
        double pan = horizontal == null ? 0 : (horizontal == Direction.LEFT ? amount : -amount);
        double tilt = vertical == null ? 0 : (vertical == Direction.UP ? amount : -amount);
        return Optional.of(new Look(pan, tilt));
    }

    private Optional<Intent> gesture(CommandClause c, Gesture.Name name) {
        boolean directionsOk = name == Gesture.Name.POINT ? CENTRE.containsAll(c.directions()) : c.directions().isEmpty();
        if (!directionsOk || !withoutAmounts(c)) {
            return Optional.empty();
        }
        return Optional.of(new Gesture(name));
    }

    private Optional<Intent> pose(CommandClause c, Pose.Posture posture) {
        if (!c.directions().isEmpty() || !withoutAmounts(c)) {
            return Optional.empty();
        }
        return Optional.of(new Pose(posture));
    }

    /** Gestures, looks and poses have no distance; "slowly" is accepted and dropped, "at 2 m/s" is not. */
    private static boolean withoutAmounts(CommandClause c) {
        return c.quantity().isEmpty() && !c.small()
                && (c.speed().isEmpty() || c.speed().get() instanceof Speed.Factor);
    }

    private static Optional<Double> degrees(Quantity q) {
        return switch (q.unit()) {
            case DEGREE, BARE -> Optional.of(q.value());
            case REVOLUTION -> Optional.of(q.value() * 360);
            case METRE -> Optional.empty();
        };
    }

    /** The speed of a move (unit METRE) or turn (unit DEGREE): the default, a multiple of it, or as said. */
    private static Optional<Double> speed(CommandClause c, Quantity.Unit unit, double defaultSpeed) {
        if (c.speed().isEmpty()) {
            return Optional.of(defaultSpeed);
        }
        Speed s = c.speed().get();
        if (s instanceof Speed.Factor f) {
            return Optional.of(defaultSpeed * f.factor());
        }
        Quantity q = ((Speed.PerSecond) s).perSecond();
        double value;
        if (q.unit() == unit) {
            value = q.value();
        } else if (unit == Quantity.Unit.DEGREE && q.unit() == Quantity.Unit.REVOLUTION) {
            value = q.value() * 360;
        } else {
            return Optional.empty();
        }
        return value > 0 && Double.isFinite(value) ? Optional.of(value) : Optional.empty();
    }
}
