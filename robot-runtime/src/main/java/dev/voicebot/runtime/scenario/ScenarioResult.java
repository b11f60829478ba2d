package dev.voicebot.runtime.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How a scenario went: every step's result, or why it could not start. */
public record ScenarioResult(Scenario scenario, List<StepResult> steps, Optional<String> startFailure, Duration elapsed) {
    public ScenarioResult {
        steps = List.copyOf(steps);
    }

    public boolean passed() {
        return startFailure.isEmpty() && steps.size() == scenario.steps().size() && steps.stream().allMatch(StepResult::passed);
    }

    public long passedSteps() {
        return steps.stream().filter(StepResult::passed).count();
    }
}
