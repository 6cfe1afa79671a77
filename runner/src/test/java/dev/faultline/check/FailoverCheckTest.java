package dev.faultline.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.fault.FaultRecord;
import dev.faultline.observe.Observations;
import dev.faultline.plan.CheckSpec;
import dev.faultline.sample.Failures;
import dev.faultline.sample.Reads;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailoverCheckTest {
    private static final FaultRecord CRASH_LB = new FaultRecord("lb-dies", "crash", "lb", 3_000, null);
    private static final FixedSamples TRAFFIC = new FixedSamples("read").ok("read", 1, 1_000, 10).ok("read", 6, 1_000, 10);

    private static Verdict judge(Failures failures, Duration max, FaultRecord... faults) {
        return new FailoverCheck(new CheckSpec.FailoverCheck(null, max)).evaluate(Records.with(
                Records.of(TRAFFIC, faults), Observations.NONE, Reads.NONE, failures)).get(0);
    }

    private static Failures runs(Failures.Run... runs) {
        return new Failures(List.of(), 0, List.of(runs), 0, null);
    }

    @Test
    void longestOutageAtTheBoundPasses() {
        Verdict v = judge(runs(new Failures.Run(3_100, 3_300L, 4), new Failures.Run(3_400, 5_400L, 80)),
                Duration.ofSeconds(2), CRASH_LB);
        assertTrue(v.passed(), v.message());
        assertEquals(2_000, v.observed());
        assertEquals("failover", v.type());
    }

    @Test
    void longestOutageAMillisecondOverTheBoundFails() {
        Verdict v = judge(runs(new Failures.Run(3_400, 5_401L, 80)), Duration.ofSeconds(2), CRASH_LB);
        assertFalse(v.passed());
        assertEquals(2_001, v.observed());
    }

    @Test
    void failuresBeforeTheBalancerDiedDoNotCount() {
        Verdict v = judge(runs(new Failures.Run(100, 2_900L, 3)), Duration.ofMillis(10), CRASH_LB);
        assertTrue(v.passed(), v.message());
        assertEquals(0, v.observed());
    }

    @Test
    void anOutageThatBeganAsTheKillTookEffectJustBeforeTheCrashWasInPlaceCountsWhole() {
        Verdict v = judge(runs(new Failures.Run(2_600, 4_700L, 300)), Duration.ofSeconds(2), CRASH_LB);
        assertFalse(v.passed(), v.message());
        assertEquals(2_100, v.observed());
    }

    @Test
    void anOutageThatNeverEndsCountsToTheEndOfTheLoad() {
        Verdict v = judge(new Failures(List.of(), 0, List.of(), 0, new Failures.Run(3_500, null, 500)),
                Duration.ofSeconds(5), CRASH_LB);
        assertFalse(v.passed());
        assertEquals(6_500, v.observed());
    }

    @Test
    void noFaultOnTheBalancerIsNotEnoughData() {
        Verdict v = judge(Failures.NONE, Duration.ofSeconds(2), new FaultRecord("n1-dies", "crash", "n1", 3_000, null));
        assertFalse(v.passed());
        assertTrue(v.message().contains("not enough data"), v.message());
    }
}
