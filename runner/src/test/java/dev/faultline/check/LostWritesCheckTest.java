package dev.faultline.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.observe.Observations;
import dev.faultline.observe.ReplicaReadout;
import dev.faultline.plan.CheckSpec;
import dev.faultline.sample.Failures;
import dev.faultline.sample.Reads;
import java.util.List;
import org.junit.jupiter.api.Test;

class LostWritesCheckTest {
    private static final ReplicaReadout.Missing LOST = new ReplicaReadout.Missing("k7", "c1-4", "n3", 1_200);

    private static Verdict judge(ReplicaReadout readout, long max) {
        return new LostWritesCheck(new CheckSpec.LostWritesCheck(null, max)).evaluate(Records.with(
                Records.of(new FixedSamples("read", "write")), new Observations(List.of(), null, readout), Reads.NONE,
                Failures.NONE)).get(0);
    }

    @Test
    void asManyMissingAsAllowedPasses() {
        Verdict v = judge(new ReplicaReadout(100, 300, 1, List.of(LOST), List.of(), true), 1);
        assertTrue(v.passed(), v.message());
        assertEquals(1, v.observed());
        assertEquals("lost-writes", v.type());
    }

    @Test
    void oneMissingMoreThanAllowedFailsWithTheElement() {
        Verdict v = judge(new ReplicaReadout(100, 300, 1, List.of(LOST), List.of(), true), 0);
        assertFalse(v.passed());
        assertEquals(List.of("key k7: element c1-4 (acknowledged at 1200 ms) missing on n3"), v.details());
    }

    @Test
    void aRegisterWriteOverwrittenByAnOlderOneFailsNamingBoth() {
        ReplicaReadout.Missing overwritten = new ReplicaReadout.Missing("k7", "c1-4", "n3", 1_200, 1_100L,
                "c0-2 (acknowledged at 900 ms)");

        Verdict v = judge(new ReplicaReadout(40, 120, 1, List.of(overwritten), List.of(), true,
                ReplicaReadout.REGISTER), 0);

        assertFalse(v.passed());
        assertEquals(1, v.observed());
        assertEquals(List.of("key k7: write c1-4 (sent at 1100 ms, acknowledged at 1200 ms) lost on n3, which holds "
                + "c0-2 (acknowledged at 900 ms)"), v.details());
        assertTrue(v.message().startsWith("1 acknowledged write was lost on a replica (it holds only values "
                + "acknowledged before the write was sent) (40 acknowledged, 120 write-replica pairs read), max 0"),
                v.message());
    }

    @Test
    void registerWritesAllHeldOrSupersededPass() {
        Verdict v = judge(new ReplicaReadout(40, 120, 0, List.of(), List.of(), true, ReplicaReadout.REGISTER), 0);

        assertTrue(v.passed(), v.message());
        assertEquals(0, v.observed());
    }

    @Test
    void nothingReadBackIsNotEnoughData() {
        Verdict v = judge(null, 0);
        assertFalse(v.passed());
        assertTrue(v.message().contains("not enough data"), v.message());
    }

    @Test
    void anUnreadableReplicaIsNotEnoughData() {
        Verdict v = judge(new ReplicaReadout(100, 200, 0, List.of(), List.of("n3 (key k1): connection refused"), true), 0);
        assertFalse(v.passed());
        assertTrue(v.message().contains("not enough data"), v.message());
    }

    @Test
    void anOverflowedAcknowledgementLogIsNotEnoughData() {
        Verdict v = judge(new ReplicaReadout(100, 300, 0, List.of(), List.of(), false), 0);
        assertFalse(v.passed());
        assertTrue(v.message().contains("overflowed"), v.message());
    }
}
