package dev.voicebot.brain.fastpath;

/** A spoken amount already converted to a base unit: metres, degrees or whole revolutions. */
record Quantity(double value, Unit unit) {
    enum Unit {
        /** A length in metres. */
        METRE,
        /** An angle in degrees. */
        DEGREE,
        /** Whole turns (a quarter turn = 0.25). */
        REVOLUTION,
        /** A number said without a unit: metres for a move, degrees for a turn or look. */
        BARE
    }
}
