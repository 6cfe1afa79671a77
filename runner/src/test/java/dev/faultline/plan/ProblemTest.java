package dev.faultline.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void problemPrintsFileLineColumnPathMessageAndHint() {
        Problem p = new Problem("plan.yaml", 14, 7, "faults[1].latency", "unknown key 'jiter'",
                "did you mean 'jitter'? known: link, delay, jitter");
        assertThat(p).hasToString(
                "plan.yaml:14:7 faults[1].latency: unknown key 'jiter' (did you mean 'jitter'? known: link, delay, jitter)");
    }

    @Test
    void problemWithoutLocationPathOrHintLeavesThemOut() {
        assertThat(new Problem("plan.yaml", 0, 0, "", "no such file", null)).hasToString("plan.yaml no such file");
    }

    @Test
    void exceptionMessageHasAHeaderAndOneIndentedLinePerProblem() {
        PlanException e = new PlanException("plan.yaml", List.of(
                new Problem("plan.yaml", 2, 1, "seed", "first", null),
                new Problem("plan.yaml", 3, 1, "name", "second", null)));
        assertThat(e.getMessage().lines()).containsExactly(
                "There were problems with plan plan.yaml:",
                "  - plan.yaml:2:1 seed: first",
                "  - plan.yaml:3:1 name: second");
        assertThat(e.problems()).hasSize(2);
    }
}
