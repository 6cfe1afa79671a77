package dev.faultline.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.fault.FaultRecord;
import dev.faultline.observe.Convergence;
import dev.faultline.observe.Observations;
import dev.faultline.plan.CheckSpec;
import dev.faultline.sample.Failures;
import dev.faultline.sample.Reads;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConvergenceCheckTest {
    private static final FaultRecord SPLIT = new FaultRecord("split", "partition", "[n1] | [n2, n3]", 2_000, 6_000L);

    private static Verdict judge(Convergence convergence, Duration within) {
        Observations seen = new Observations(List.of(), convergence, null);
        return new ConvergenceCheck(new CheckSpec.ConvergenceCheck(null, within))
                .evaluate(Records.with(Records.of(new FixedSamples("read", "write"), SPLIT), seen, Reads.NONE,
                        Failures.NONE)).get(0);
    }

    private static Convergence convergedAt(long atMs) {
        return new Convergence(6_000, atMs, List.of(new Convergence.Poll(6_000, 2), new Convergence.Poll(atMs, 1)),
                List.of(), List.of());
    }

    @Test
    void convergingExactlyAtTheBoundPasses() {
        Verdict v = judge(convergedAt(7_500), Duration.ofMillis(1_500));
        assertTrue(v.passed(), v.message());
        assertEquals(1_500, v.observed());
        assertEquals("convergence", v.type());
    }

    @Test
    void convergingAMillisecondLateFails() {
        Verdict v = judge(convergedAt(7_501), Duration.ofMillis(1_500));
        assertFalse(v.passed());
        assertEquals(1_501, v.observed());
    }

    @Test
    void replicasStillApartFailWithTheNodesAndDifferingKeys() {
        Convergence apart = new Convergence(6_000, null, List.of(new Convergence.Poll(9_000, 2)), List.of("n1"),
                List.of("k3", "k17"));
        Verdict v = judge(apart, Duration.ofSeconds(2));
        assertFalse(v.passed());
        assertNull(v.observed());
        assertEquals(List.of("apart: n1", "differing key: k3", "differing key: k17"), v.details());
        assertTrue(v.message().contains("apart: n1"), v.message());
    }

    @Test
    void noProbeIsNotEnoughData() {
        Verdict v = judge(null, Duration.ofSeconds(2));
        assertFalse(v.passed());
        assertTrue(v.message().contains("not enough data"), v.message());
    }
}
