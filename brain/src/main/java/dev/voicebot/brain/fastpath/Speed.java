package dev.voicebot.brain.fastpath;

/** A spoken speed: relative to the configured default, or an explicit amount per second. */
sealed interface Speed permits Speed.Factor, Speed.PerSecond {

    /** "slowly", "quickly", "천천히"...: a multiple of the configured default speed. */
    record Factor(double factor) implements Speed {
    }

    /** "at 0.2 meters per second", "초속 20센티로": the amount covered in one second. */
    record PerSecond(Quantity perSecond) implements Speed {
    }
}
