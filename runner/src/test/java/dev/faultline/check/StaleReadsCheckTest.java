package dev.faultline.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.observe.Observations;
import dev.faultline.plan.CheckSpec;
import dev.faultline.plan.Percentage;
import dev.faultline.sample.Failures;
import dev.faultline.sample.Reads;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaleReadsCheckTest {
    private static final FixedSamples ACKED = new FixedSamples("add", "read").acked("k1", "a", 1_000).acked("k1", "b", 3_000);

    private static Verdict judge(List<Reads.Read> reads, double maxPercent) {
        return new StaleReadsCheck(new CheckSpec.StaleReadsCheck(null, "all", new Percentage(maxPercent)))
                .evaluate(Records.with(Records.of(ACKED), Observations.NONE, new Reads(reads, reads.size()),
                        Failures.NONE)).get(0);
    }

    @Test
    void aReadLackingAnElementAcknowledgedBeforeItBeganIsStale() {
        List<Reads.Read> reads = List.of(
                new Reads.Read("k1", 1_500, 1_510, "[\"a\"]"),
                new Reads.Read("k1", 3_500, 3_510, "[\"a\"]"),
                new Reads.Read("k1", 4_000, 4_010, "[\"a\",\"b\"]"),
                new Reads.Read("k1", 4_500, 4_510, "[\"b\",\"a\"]"));
        Verdict v = judge(reads, 25);
        assertTrue(v.passed(), v.message());
        assertEquals(25.0, v.observed());
        assertEquals("stale-reads", v.type());
        assertEquals(List.of("read of k1 begun at 3500 ms lacked b (acknowledged at 3000 ms)"), v.details());
        assertFalse(judge(reads, 24.99).passed());
    }

    @Test
    void aReadThatBeganBeforeTheAcknowledgementIsNotStale() {
        Verdict v = judge(List.of(new Reads.Read("k1", 3_000, 3_100, "[\"a\"]"),
                new Reads.Read("k1", 500, 600, null)), 0);
        assertTrue(v.passed(), v.message());
        assertEquals(0.0, v.observed());
    }

    @Test
    void noReadsIsNotEnoughData() {
        Verdict v = judge(List.of(), 100);
        assertFalse(v.passed());
        assertTrue(v.message().contains("not enough data"), v.message());
    }
}
