package com.example.orders;

import static dev.faultline.junit.FaultlineAssertions.assertThat;
import static java.time.Duration.ofSeconds;

import dev.faultline.junit.ActiveFault;
import dev.faultline.junit.Faultline;
import dev.faultline.junit.Faults;
import dev.faultline.junit.Load;
import dev.faultline.junit.LoadDriver;
import dev.faultline.junit.LoadRun;
import dev.faultline.junit.ReferenceCluster;
import dev.faultline.junit.RunResult;
import dev.faultline.junit.RunningTarget;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * CAP in two tests: the same partition cuts replica n1 off from n2 and n3 (the balancer still reaches all three).
 * Under quorum consistency n1 refuses what it coordinates, quickly; under eventual consistency everything stays
 * available. Each test gets its own cluster; faults are healed and the cluster stopped after it, whatever happens.
 */
@Faultline(seed = 21)
@Timeout(120)
class QuorumPartitionIT {
    private static final Load SETS = Load.rate(60).lasting(ofSeconds(8)).clients(6).keys(50).workload("set");

    @Test
    void aCutOffReplicaRefusesWhatItCoordinatesUnderQuorum(
            @ReferenceCluster(nodes = 3, consistency = "quorum", conflicts = "set-union", isolation = "in-jvm")
            RunningTarget cluster, Faults faults, LoadDriver load) {
        RunResult run = splitDuring(faults, load);

        assertThat(run).availabilityDuring("steady").isGreaterThanOrEqualTo(0.98);
        // about a third of the requests reach n1, which cannot gather a quorum and answers 503 at once
        assertThat(run).availabilityDuring("split").isBetween(0.4, 0.9);
        assertThat(run).latencyDuring("split").p99().isLessThan(ofSeconds(1));
        assertThat(run).availabilityDuring("recovery").isGreaterThanOrEqualTo(0.95);
        assertThat(run).healedEveryFault();
    }

    @Test
    void everyReplicaStaysAvailableUnderEventualConsistency(
            @ReferenceCluster(nodes = 3, consistency = "eventual", conflicts = "set-union", isolation = "in-jvm")
            RunningTarget cluster, Faults faults, LoadDriver load) {
        RunResult run = splitDuring(faults, load);

        assertThat(run).availabilityDuring("split").isGreaterThanOrEqualTo(0.98);
        assertThat(run).availabilityDuring("recovery").isGreaterThanOrEqualTo(0.98);
        assertThat(run).healedEveryFault();
    }

    /** Drives the set workload for 8 s and cuts n1 off from 2 s to 6 s. */
    private static RunResult splitDuring(Faults faults, LoadDriver load) {
        LoadRun run = load.start(SETS);
        run.sleepUntil(ofSeconds(2));
        try (ActiveFault split = faults.partitionRejecting("split", List.of("n1"), List.of("n2", "n3"))) {
            run.sleepUntil(ofSeconds(6));
        }
        return run.await();
    }
}
