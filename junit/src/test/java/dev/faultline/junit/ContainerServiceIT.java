package dev.faultline.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.faultline.junit.samples.ContainerSamples;
import dev.faultline.targets.DockerEngine;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestExecutionResult.Status;

/** A container target injected with {@link ContainerService}: skipped, saying why, without a Docker engine or image. */
class ContainerServiceIT {
    private static final String IMAGE = "local/jre17:slim";

    @BeforeAll
    static void dockerAndTheImageAreHere() {
        Optional<String> unavailable = DockerEngine.unavailableReason(IMAGE);
        assumeTrue(unavailable.isEmpty(), () -> "skipped: " + unavailable.orElse(""));
    }

    @Test
    void aContainerServiceIsDrivenFaultedAndHealedLikeAnyTarget() {
        KitRun kit = KitRun.of(ContainerSamples.Greeting.class);
        TestExecutionResult result = kit.tests().values().iterator().next();

        assertThat(result.getStatus()).as(KitRun.failureMessage(result)).isEqualTo(Status.SUCCESSFUL);
        assertThat(kit.reportEntries(FaultlineExtension.HEALED_ENTRY)).containsExactly("verified");
    }
}
