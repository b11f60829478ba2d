package dev.voicebot.actuators.bus;

import static dev.voicebot.config.Checks.ensureNotBlank;

/**
 * A subscription filter; {@code +} matches one level and a final {@code #} the rest. A
 * {@code $share/group/...} prefix makes it an MQTT 5 shared subscription.
 */
public record TopicFilter(String filter) {
    public TopicFilter {
        ensureNotBlank(filter, "filter");
        String[] levels = plain(filter).split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
                throw new IllegalArgumentException("filter '" + filter + "': '#' must be a whole last level");
            }
            if (level.contains("+") && !level.equals("+")) {
                throw new IllegalArgumentException("filter '" + filter + "': '+' must be a whole level");
            }
        }
    }

    public static TopicFilter of(Topic topic) {
        return new TopicFilter(topic.name());
    }

    /** The filter without a {@code $share/group/} prefix. */
    static String plain(String filter) {
        if (filter.startsWith("$share/")) {
            int slash = filter.indexOf('/', "$share/".length());
            return slash < 0 ? filter : filter.substring(slash + 1);
        }
        return filter;
    }

    /** True when a message on {@code topic} is delivered to this filter. */
    public boolean matches(String topic) {
        String[] f = plain(filter).split("/", -1);
        String[] t = topic.split("/", -1);
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return true;
            }
            if (i >= t.length) {
                return false;
            }
            if (!f[i].equals("+") && !f[i].equals(t[i])) {
                return false;
            }
        }
        return f.length == t.length;
    }

    @Override
    public String toString() {
        return filter;
    }
}
