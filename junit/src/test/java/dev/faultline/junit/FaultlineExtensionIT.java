package dev.faultline.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.junit.samples.ProgrammaticSamples;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestExecutionResult.Status;

class FaultlineExtensionIT {

    @Test
    void aDrivenLoadMeasuresEachFaultInItsOwnWindow() {
        KitRun kit = KitRun.of(ProgrammaticSamples.LatencyWindow.class);
        TestExecutionResult result = kit.tests().get("latencyShowsInItsWindow(RunningTarget, Faults, LoadDriver)");

        assertThat(result.getStatus()).as(KitRun.failureMessage(result)).isEqualTo(Status.SUCCESSFUL);
        assertThat(kit.reportEntries(FaultlineExtension.HEALED_ENTRY)).containsExactly("verified");
    }

    @Test
    void anAssertionOnAWindowWithoutDataFailsSayingSo() {
        TestExecutionResult result = KitRun.of(ProgrammaticSamples.EmptyWindow.class)
                .tests().get("aWindowThatNeverHappenedFails(RunningTarget, LoadDriver)");

        assertThat(result.getStatus()).isEqualTo(Status.FAILED);
        assertThat(KitRun.failureMessage(result)).contains("not enough data").contains("no such window");
    }

    @Test
    void faultsAreHealedAndProcessesStoppedAfterATestThatThrowsOrTimesOut() {
        long childrenBefore = ProcessHandle.current().descendants().count();
        KitRun kit = KitRun.of(ProgrammaticSamples.Failing.class);
        Map<String, TestExecutionResult> tests = kit.tests();

        TestExecutionResult threw = tests.get("throwsWhileFaultsAreInPlace(RunningTarget, Faults)");
        assertThat(threw.getStatus()).isEqualTo(Status.FAILED);
        assertThat(threw.getThrowable().get()).isInstanceOf(IllegalStateException.class)
                .hasMessage("the test's own failure");
        assertThat(threw.getThrowable().get().getSuppressed()).isEmpty();
        TestExecutionResult timedOut = tests.get("timesOutWhileANodeIsDown(RunningTarget, Faults)");
        assertThat(timedOut.getStatus()).isEqualTo(Status.FAILED);
        assertThat(timedOut.getThrowable().get()).isInstanceOf(TimeoutException.class);
        assertThat(timedOut.getThrowable().get().getSuppressed()).as("only the interrupted sleep, no leftover fault")
                .allSatisfy(t -> assertThat(t).isInstanceOf(InterruptedException.class));
        assertThat(kit.reportEntries(FaultlineExtension.HEALED_ENTRY)).containsExactly("verified", "verified");
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count())
                .isEqualTo(childrenBefore);
    }

    @Test
    void misusedParametersFailWithWhatToDo() {
        Map<String, TestExecutionResult> tests = KitRun.of(ProgrammaticSamples.Misused.class).tests();

        assertThat(KitRun.failureMessage(tests.get("faultsWithoutATarget(Faults)")))
                .contains("takes Faults or a LoadDriver but no target");
        assertThat(KitRun.failureMessage(tests.get("targetWithoutAnAnnotation(RunningTarget)")))
                .contains("@ReferenceCluster, @PlanTarget or @ContainerService");
        assertThat(KitRun.failureMessage(tests.get("unknownConsistency(RunningTarget)")))
                .contains("@ReferenceCluster").contains("consistency").contains("strong");
    }
}
