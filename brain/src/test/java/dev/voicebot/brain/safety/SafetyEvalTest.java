package dev.voicebot.brain.safety;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.config.ConfigLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Floors on the labelled evaluation sets (see {@code src/test/resources/safety/eval/README.md}); prints
 * the table that goes into BENCHMARKS.md. The development set guards against regressions; the held-out
 * set is only held to a precision floor, because its recall is what the rules do not know yet.
 */
class SafetyEvalTest {
    private static final SafetyFilter FILTER = SafetyFilter.withDefaultRules(new ConfigLoader().defaults().safety());

    @Test
    void developmentSetsMeetTheFloors() {
        List<SafetyEvaluation.Report> reports = List.of(SafetyEvaluation.evaluate(FILTER, "en"), SafetyEvaluation.evaluate(FILTER, "ko"));
        System.out.println(SafetyEvaluation.table(reports));
        for (SafetyEvaluation.Report r : reports) {
            assertTrue(r.lines() >= 300, r.set() + " has at least 300 lines");
            assertTrue(r.hardNegatives() * 3 >= r.lines(), r.set() + " is at least a third hard negatives");
            assertTrue(r.overall().precision() >= 0.9, r.set() + " precision " + r.overall().precision() + "\n" + r.errors());
            assertTrue(r.overall().recall() >= 0.8, r.set() + " recall " + r.overall().recall() + "\n" + r.errors());
            assertTrue(r.hardFalsePositives() * 20 <= r.hardNegatives(), r.set() + " flags at most 5% of hard negatives\n" + r.errors());
            for (Map.Entry<Category, SafetyEvaluation.Counts> e : r.byCategory().entrySet()) {
                assertTrue(e.getValue().precision() >= 0.85 && e.getValue().recall() >= 0.8,
                        r.set() + " " + e.getKey().wire() + " P=" + e.getValue().precision() + " R=" + e.getValue().recall());
            }
        }
    }

    @Test
    void heldOutSetsKeepPrecision() {
        List<SafetyEvaluation.Report> reports = List.of(SafetyEvaluation.evaluate(FILTER, "en.holdout"),
                SafetyEvaluation.evaluate(FILTER, "ko.holdout"));
        System.out.println(SafetyEvaluation.table(reports));
        for (SafetyEvaluation.Report r : reports) {
            assertTrue(r.overall().precision() >= 0.9, r.set() + " precision " + r.overall().precision() + "\n" + r.errors());
        }
    }
}
