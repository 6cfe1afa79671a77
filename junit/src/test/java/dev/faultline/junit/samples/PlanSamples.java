package dev.faultline.junit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.junit.FaultlinePlan;
import dev.faultline.junit.RunResult;

/** Test classes as a user writes them, run by the extension's own tests through JUnit's test kit (not directly). */
public final class PlanSamples {
    private PlanSamples() {
    }

    /** One check holds, one cannot: two tests named after the checks, one failing with observed against limit. */
    public static class OnePassesOneFails {
        @FaultlinePlan("plans/one-passes-one-fails.yaml")
        void onePassesOneFails(RunResult run) {
            assertThat(run.results().plan()).isEqualTo("one-passes-one-fails");
        }
    }

    /** Nothing listens at the target's address: the run cannot be carried out. */
    public static class Unreachable {
        @FaultlinePlan("plans/unreachable.yaml")
        void unreachable() {
        }
    }

    /** A misspelled key: the plan is refused before anything starts, naming file, line, column and key. */
    public static class Misspelled {
        @FaultlinePlan("plans/misspelled.yaml")
        void misspelled() {
        }
    }

    /** Overrides shorten a plan the same way {@code faultline run --set} does. */
    public static class Overridden {
        @FaultlinePlan(value = "plans/one-passes-one-fails.yaml",
                set = {"checks[1].latency.p50=10s", "load.stages[0].duration=2s"})
        void bothPass(RunResult run) {
            assertThat(run.results().load().sent()).isBetween(190L, 210L);
        }
    }
}
