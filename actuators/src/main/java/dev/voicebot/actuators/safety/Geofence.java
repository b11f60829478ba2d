package dev.voicebot.actuators.safety;

import static dev.voicebot.config.Checks.ensureNotNull;

import java.util.List;

/**
 * A polygon the base must stay inside, in metres, in the frame of the robot's reported state.
 * Points on the border count as inside. Works for any simple polygon, convex or not.
 */
public final class Geofence {
    private static final double EPS = 1e-9;
    private final double[] xs;
    private final double[] ys;

    public Geofence(List<List<Double>> points) {
        ensureNotNull(points, "points");
        if (points.size() < 3) {
            throw new IllegalArgumentException("a geofence needs at least 3 points, got " + points.size());
        }
        xs = new double[points.size()];
        ys = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            xs[i] = points.get(i).get(0);
            ys[i] = points.get(i).get(1);
        }
    }

    public boolean contains(double x, double y) {
        boolean inside = false;
        int n = xs.length;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            if (onSegment(x, y, xs[j], ys[j], xs[i], ys[i])) {
                return true;
            }
            if ((ys[i] > y) != (ys[j] > y) && x < (xs[j] - xs[i]) * (y - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
                inside = !inside;
            }
        }
        return inside;
    }

    /**
     * The largest fraction t in [0, 1] such that the straight path from (x, y) to (x + dx, y + dy)
     * stays inside up to t: 1 when the whole path is inside, 0 when the start is outside.
     */
    public double fractionInside(double x, double y, double dx, double dy) {
        if (!contains(x, y)) {
            return 0;
        }
        double best = 1;
        int n = xs.length;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double ex = xs[i] - xs[j];
            double ey = ys[i] - ys[j];
            double denom = dx * ey - dy * ex;
            if (Math.abs(denom) < EPS) {
                continue; // parallel to this edge
            }
            double t = ((xs[j] - x) * ey - (ys[j] - y) * ex) / denom;
            double u = ((xs[j] - x) * dy - (ys[j] - y) * dx) / denom;
            if (t > EPS && t < best && u >= -EPS && u <= 1 + EPS) {
                // crossing this edge: leaving only if the point just past it is outside
                double px = x + dx * Math.min(1, t + 1e-6);
                double py = y + dy * Math.min(1, t + 1e-6);
                if (!contains(px, py)) {
                    best = t;
                }
            }
        }
        if (best >= 1 && !contains(x + dx, y + dy)) {
            return 0;
        }
        return best;
    }

    private static boolean onSegment(double px, double py, double ax, double ay, double bx, double by) {
        double cross = (bx - ax) * (py - ay) - (by - ay) * (px - ax);
        if (Math.abs(cross) > 1e-9) {
            return false;
        }
        return px >= Math.min(ax, bx) - EPS && px <= Math.max(ax, bx) + EPS && py >= Math.min(ay, by) - EPS && py <= Math.max(ay, by) + EPS;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < xs.length; i++) {
            sb.append(i == 0 ? "" : ", ").append('[').append(xs[i]).append(", ").append(ys[i]).append(']');
        }
        return sb.append(']').toString();
    }
}
