package dev.voicebot.sim;

import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.config.SimConfig;
import java.util.List;
import java.util.Optional;

/** The simulated robot's surroundings: walls (the configured geofence) and obstacles, for a round base. */
public final class World {
    private final List<SimConfig.Point> fence;
    private final List<SimConfig.Obstacle> obstacles;
    private final double radius;

    /** What the base touches at a position, and how far inside it is (metres, positive = overlap). */
    public record Contact(String what, double depth) {
    }

    public World(SimConfig config) {
        ensureNotNull(config, "config");
        this.fence = config.fence();
        this.obstacles = config.obstacles();
        this.radius = config.robotRadiusM();
    }

    /** The deepest contact of a base centred on {@code (x, y)}, if it touches anything. */
    public Optional<Contact> contactAt(double x, double y) {
        Contact worst = null;
        double wall = radius - SimConfig.fenceClearance(fence, x, y);
        if (wall > 0) {
            worst = new Contact("the geofence", wall);
        }
        for (SimConfig.Obstacle o : obstacles) {
            double depth = radius - o.clearance(x, y);
            if (depth > 0 && (worst == null || depth > worst.depth())) {
                worst = new Contact("obstacle '" + o.name() + "'", depth);
            }
        }
        return Optional.ofNullable(worst);
    }
}
