package dev.voicebot.brain.fastpath;

import java.util.List;
import java.util.Optional;

/**
 * Reads an amount at a token position: a number with an optional unit ("2 m", "ninety degrees",
 * "a quarter turn", "a meter and a half", "half a meter"), a fixed phrase ("a full turn"), and a
 * trailing "per second" that makes it a speed ("0.2 meters per second", "30 deg/s", "0.2 mps").
 */
final class EnglishQuantities {
    record QuantityMatch(Quantity quantity, boolean perSecond, int end) {
    }

    private EnglishQuantities() {
    }

    static Optional<QuantityMatch> parse(List<String> t, int i) {
        Optional<PhraseTable.Match<Quantity>> fixed = EnglishLexicon.FIXED_QUANTITIES.longest(t, i);
        if (fixed.isPresent()) {
            return Optional.of(new QuantityMatch(fixed.get().value(), false, fixed.get().end()));
        }
        double spoken;
        int j;
        Optional<NumberMatch> number = EnglishNumbers.parse(t, i);
        Optional<PhraseTable.Match<UnitSpec>> unit;
        if (number.isPresent()) {
            spoken = number.get().value();
            j = number.get().end();
            unit = EnglishLexicon.UNITS.longest(t, j);
        } else if (i < t.size() && (t.get(i).equals("a") || t.get(i).equals("an"))) {
            unit = EnglishLexicon.UNITS.longest(t, i + 1);
            if (unit.isEmpty()) {
                return Optional.empty();
            }
            spoken = 1;
            j = i + 1;
        } else {
            return Optional.empty();
        }
        if (unit.isEmpty()) {
            return Optional.of(new QuantityMatch(new Quantity(spoken, Quantity.Unit.BARE), false, j));
        }
        UnitSpec spec = unit.get().value();
        j = unit.get().end();
        // "a meter and a half", "a turn and a half"
        if (at(t, j).equals("and") && at(t, j + 1).equals("a") && at(t, j + 2).equals("half")) {
            spoken += 0.5;
            j += 3;
        }
        boolean perSecond = spec.perSecond();
        Optional<PhraseTable.Match<Boolean>> per = EnglishLexicon.PER_SECOND.longest(t, j);
        if (per.isPresent() && !perSecond) {
            perSecond = true;
            j = per.get().end();
        }
        return Optional.of(new QuantityMatch(spec.quantity(spoken), perSecond, j));
    }

    private static String at(List<String> t, int i) {
        return i < t.size() ? t.get(i) : "";
    }
}
