package dev.voicebot.brain.fastpath;

/**
 * How a spoken unit converts to its base unit: {@code value * multiplier / divisor}. Dividing
 * (rather than multiplying by 0.01) keeps "50 cm" exactly 0.5.
 */
record UnitSpec(Quantity.Unit unit, double multiplier, double divisor, boolean perSecond) {
    static UnitSpec of(Quantity.Unit unit) {
        return new UnitSpec(unit, 1, 1, false);
    }

    static UnitSpec divided(Quantity.Unit unit, double divisor) {
        return new UnitSpec(unit, 1, divisor, false);
    }

    static UnitSpec scaled(Quantity.Unit unit, double multiplier) {
        return new UnitSpec(unit, multiplier, 1, false);
    }

    static UnitSpec speed(Quantity.Unit unit) {
        return new UnitSpec(unit, 1, 1, true);
    }

    double apply(double value) {
        return value * multiplier / divisor;
    }

    Quantity quantity(double spoken) {
        return new Quantity(apply(spoken), unit);
    }
}
