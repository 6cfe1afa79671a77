package com.example.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.junit.FaultlinePlan;
import dev.faultline.junit.RunResult;

/**
 * A plan from the project's plan library, run inside {@code mvn verify}: each of its checks shows as a test of its
 * own ("availability", "convergence", "lost-writes", ..., "faults healed"), failing with observed against limit.
 */
class CapPlanIT {

    @FaultlinePlan("../../plans/cap-quorum.yaml")
    void quorumStoreUnderPartition(RunResult run) {
        // the body runs once per check; here it can add assertions of its own on the same run
        assertThat(run.results().faults()).extracting("name").containsExactly("split");
    }
}
