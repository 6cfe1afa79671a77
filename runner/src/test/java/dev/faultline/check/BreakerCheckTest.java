package dev.faultline.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.fault.FaultRecord;
import dev.faultline.observe.MetricSeries;
import dev.faultline.observe.Observations;
import dev.faultline.plan.CheckSpec;
import dev.faultline.sample.ErrorKind;
import dev.faultline.sample.Failures;
import dev.faultline.sample.Reads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BreakerCheckTest {
    /** n1 is slowed from 2 s to 6 s; the breaker is scraped open at 3 s..6 s and closed again at 7 s. */
    private static final FaultRecord SLOW_N1 = new FaultRecord("slow-n1", "latency", "lb->n1", 2_000, 6_000L);

    private static List<MetricSeries> breakerSeen(long openFrom, long openTo) {
        List<MetricSeries.Point> open = new ArrayList<>();
        List<MetricSeries.Point> closed = new ArrayList<>();
        for (long t = 0; t <= 9_000; t += 1_000) {
            boolean isOpen = t >= openFrom && t <= openTo;
            open.add(new MetricSeries.Point(t, isOpen ? 1 : 0));
            closed.add(new MetricSeries.Point(t, isOpen ? 0 : 1));
        }
        return List.of(
                new MetricSeries("lb", "balancer_breaker_state", Map.of("backend", "n1", "state", "open"), open),
                new MetricSeries("lb", "balancer_breaker_state", Map.of("backend", "n1", "state", "closed"), closed));
    }

    private static Failures fastFailures(long latencyMicros) {
        List<Failures.Failure> failures = new ArrayList<>();
        for (long t = 3_000; t < 6_000; t += 10) {
            failures.add(new Failures.Failure(t, latencyMicros, ErrorKind.STATUS_5XX));
        }
        return new Failures(failures, 0, List.of(), 0, null);
    }

    private static List<Verdict> judge(List<MetricSeries> metrics, Failures failures, Duration opens, Duration fast,
            Duration recovers, FaultRecord... faults) {
        return new BreakerCheck(new CheckSpec.BreakerCheck(null, "n1", opens, recovers, fast)).evaluate(Records.with(
                Records.of(new FixedSamples("read"), faults), new Observations(metrics, null, null), Reads.NONE,
                failures));
    }

    @Test
    void breakerThatOpensFailsFastAndClosesWithinItsBoundsPasses() {
        List<Verdict> v = judge(breakerSeen(3_000, 6_000), fastFailures(2_000), Duration.ofSeconds(1),
                Duration.ofMillis(2), Duration.ofSeconds(1), SLOW_N1);
        assertEquals(3, v.size());
        v.forEach(verdict -> assertTrue(verdict.passed(), verdict.message()));
        assertEquals(1_000, v.get(0).observed());
        assertEquals(1_000, v.get(2).observed());
        assertEquals("breaker", v.get(0).type());
    }

    @Test
    void breakerOpeningLaterThanItsBoundFails() {
        List<Verdict> v = judge(breakerSeen(4_000, 6_000), fastFailures(2_000), Duration.ofMillis(1_999),
                null, null, SLOW_N1);
        assertFalse(v.get(0).passed());
        assertEquals(2_000, v.get(0).observed());
    }

    @Test
    void slowAnswersWhileOpenFailFastFail() {
        List<Verdict> v = judge(breakerSeen(3_000, 6_000), fastFailures(2_100), null, Duration.ofMillis(2), null,
                SLOW_N1);
        assertFalse(v.get(0).passed(), v.get(0).message());
    }

    @Test
    void breakerThatNeverOpensFails() {
        List<Verdict> v = judge(breakerSeen(99_000, 99_000), Failures.NONE, Duration.ofSeconds(5), null,
                Duration.ofSeconds(5), SLOW_N1);
        assertFalse(v.get(0).passed());
        assertTrue(v.get(0).message().contains("never opened"), v.get(0).message());
        assertFalse(v.get(1).passed());
    }

    @Test
    void noFaultOnTheBackendIsNotEnoughData() {
        List<Verdict> v = judge(breakerSeen(3_000, 6_000), Failures.NONE, Duration.ofSeconds(5), null, null,
                new FaultRecord("slow-n10", "latency", "lb->n10", 2_000, 6_000L));
        assertFalse(v.get(0).passed());
        assertTrue(v.get(0).message().contains("not enough data"), v.get(0).message());
    }
}
