package dev.faultline.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.junit.samples.PlanSamples;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestExecutionResult.Status;

class FaultlinePlanIT {

    @Test
    void eachCheckIsATestNamedAfterItAndTheFailingOneSaysObservedAgainstLimit() {
        KitRun kit = KitRun.of(PlanSamples.OnePassesOneFails.class);
        Map<String, TestExecutionResult> tests = kit.tests();

        assertThat(tests).containsOnlyKeys("availability", "latency read p50", PlanExtension.HEALED_TEST);
        assertThat(tests.get("availability").getStatus()).isEqualTo(Status.SUCCESSFUL);
        assertThat(tests.get(PlanExtension.HEALED_TEST).getStatus()).isEqualTo(Status.SUCCESSFUL);
        TestExecutionResult latency = tests.get("latency read p50");
        assertThat(latency.getStatus()).isEqualTo(Status.FAILED);
        assertThat(KitRun.failureMessage(latency))
                .contains("AssertionFailedError")
                .contains("p50 of 'read' in 'slow' was")
                .contains("limit 0.001ms");
        assertThat(kit.reportEntries("faultline.report")).singleElement().asString()
                .endsWith("target/faultline-junit/OnePassesOneFails/onePassesOneFails/one-passes-one-fails");
    }

    @Test
    void aRunThatCannotBeCarriedOutFailsItsRunTestWithTheReason() {
        Map<String, TestExecutionResult> tests = KitRun.of(PlanSamples.Unreachable.class).tests();

        assertThat(tests).containsKey(PlanExtension.RUN_TEST);
        assertThat(tests.get(PlanExtension.RUN_TEST).getStatus()).isEqualTo(Status.FAILED);
        assertThat(KitRun.failureMessage(tests.get(PlanExtension.RUN_TEST)))
                .contains("not carried out").contains("127.0.0.1:9");
    }

    @Test
    void aMisspelledPlanFailsTheMethodNamingFileLineColumnAndKey() {
        Map<String, TestExecutionResult> containers = KitRun.of(PlanSamples.Misspelled.class).containers();

        TestExecutionResult method = containers.get("misspelled()");
        assertThat(method.getStatus()).isEqualTo(Status.FAILED);
        assertThat(KitRun.failureMessage(method)).contains("misspelled.yaml:9:").contains("windw")
                .contains("did you mean 'window'");
    }

    @Test
    void overridesApplyAsTheyDoOnTheCommandLine() {
        Map<String, TestExecutionResult> tests = KitRun.of(PlanSamples.Overridden.class).tests();

        assertThat(tests).containsOnlyKeys("availability", "latency read p50", PlanExtension.HEALED_TEST);
        assertThat(tests.values()).allSatisfy(r -> assertThat(r.getStatus()).isEqualTo(Status.SUCCESSFUL));
    }
}
