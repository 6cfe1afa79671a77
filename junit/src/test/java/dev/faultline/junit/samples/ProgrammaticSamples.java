package dev.faultline.junit.samples;

import static dev.faultline.junit.FaultlineAssertions.assertThat;
import static java.time.Duration.ofMillis;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Programmatic use as a user writes it; run by the extension's own tests through JUnit's test kit. */
public final class ProgrammaticSamples {
    private ProgrammaticSamples() {
    }

    @Faultline
    public static class LatencyWindow {
        /** A latency fault on the client's link shows in its own window. */
        @Test
        void latencyShowsInItsWindow(@ReferenceCluster(nodes = 1, isolation = "in-jvm") RunningTarget cluster,
                Faults faults, LoadDriver load) {
            LoadRun run = load.start(Load.rate(100).lasting(ofSeconds(3)).workload("register"));
            run.sleepUntil(ofSeconds(1));
            try (ActiveFault slow = faults.latency("slow", "client->lb", ofMillis(50))) {
                run.sleepUntil(ofSeconds(2));
            }
            RunResult result = run.await();
            assertThat(result).ranToTheEnd().healedEveryFault();
            assertThat(result).availabilityDuring("all").isGreaterThanOrEqualTo(0.99);
            assertThat(result).latencyDuring("slow").p50().isGreaterThanOrEqualTo(ofMillis(50));
            // (the steady window's own latency depends on how busy the machine is: not asserted)
            assertThat(result).requestsDuring("steady").isPositive();
            assertThat(result).requestsDuring("slow").isBetween(60L, 140L);
        }
    }

    @Faultline
    public static class EmptyWindow {

        /** A window nobody applied has no data, and the assertion says so instead of passing. */
        @Test
        void aWindowThatNeverHappenedFails(@ReferenceCluster(nodes = 1, isolation = "in-jvm") RunningTarget cluster,
                LoadDriver load) {
            RunResult result = load.run(Load.rate(50).lasting(ofSeconds(1)).warmup(ofSeconds(0)).workload("register"));
            assertThat(result).availabilityDuring("split").isGreaterThanOrEqualTo(0.5);
        }
    }

    @Faultline
    public static class Failing {
        /** The test fails while a pause and a latency fault are in place: the extension heals both. */
        @Test
        void throwsWhileFaultsAreInPlace(@ReferenceCluster(nodes = 1) RunningTarget cluster, Faults faults) {
            faults.pause("frozen", "n1");
            faults.latency("slow", "client->lb", ofMillis(100));
            throw new IllegalStateException("the test's own failure");
        }

        /** The test times out while a node is down: the extension restarts it before stopping the cluster. */
        @Test
        @Timeout(value = 2, unit = TimeUnit.SECONDS)
        void timesOutWhileANodeIsDown(@ReferenceCluster(nodes = 1) RunningTarget cluster, Faults faults)
                throws InterruptedException {
            faults.crash("down", "n1");
            Thread.sleep(30_000);
        }
    }

    @Faultline
    public static class Misused {
        /** Faults without a target to act on. */
        @Test
        void faultsWithoutATarget(Faults faults) {
        }

        /** A target parameter that does not say which target. */
        @Test
        void targetWithoutAnAnnotation(RunningTarget target) {
        }

        /** An annotation whose values the plan parser refuses. */
        @Test
        void unknownConsistency(@ReferenceCluster(consistency = "strong") RunningTarget target) {
        }
    }
}
