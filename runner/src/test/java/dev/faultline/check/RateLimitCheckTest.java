package dev.faultline.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.plan.CheckSpec;
import dev.faultline.plan.Percentage;
import dev.faultline.plan.Rate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimitCheckTest {
    /** Client c1 sends 100/s for seconds 0..5 with {@code ok} accepted a second; seconds 0 and 5 are not whole. */
    private static FixedSamples client(long ok, long failed) {
        FixedSamples samples = new FixedSamples("read");
        for (long s = 0; s <= 5; s++) {
            samples.client("c1", s, s == 0 || s == 5 ? 3 : ok, s == 0 || s == 5 ? 0 : 100 - ok - failed,
                    s == 0 || s == 5 ? 0 : failed);
        }
        return samples;
    }

    private static List<Verdict> judge(FixedSamples samples, String client) {
        return new RateLimitCheck(new CheckSpec.RateLimitCheck(null, Rate.parse("50/s"), new Percentage(10), client))
                .evaluate(Records.of(samples));
    }

    @Test
    void acceptedRateAtTheEdgeOfTheToleranceAndOnly429sPasses() {
        List<Verdict> v = judge(client(55, 0), null);
        assertTrue(v.get(0).passed(), v.get(0).message());
        assertEquals(55.0, v.get(0).observed());
        assertTrue(v.get(1).passed(), v.get(1).message());
        assertEquals("rate-limit", v.get(0).type());
    }

    @Test
    void acceptedRateJustPastTheToleranceFails() {
        List<Verdict> v = judge(client(56, 0), null);
        assertFalse(v.get(0).passed());
        assertEquals(1, v.get(0).details().size(), v.get(0).details().toString());
    }

    @Test
    void excessAnsweredWith5xxInsteadOf429Fails() {
        List<Verdict> v = judge(client(50, 1), null);
        assertTrue(v.get(0).passed(), v.get(0).message());
        assertFalse(v.get(1).passed());
        assertEquals(4.0, v.get(1).observed());
    }

    @Test
    void aClientUnderTheLimitMustHaveEverythingAccepted() {
        FixedSamples samples = new FixedSamples("read");
        for (long s = 0; s <= 5; s++) {
            samples.client("slow", s, 20, 0, 0);
        }
        assertTrue(judge(samples, "slow").get(0).passed());
    }

    @Test
    void noClientSecondsIsNotEnoughData() {
        List<Verdict> v = judge(client(50, 0), "nobody");
        assertFalse(v.get(0).passed());
        assertFalse(v.get(1).passed());
        assertTrue(v.get(0).message().contains("not enough data"), v.get(0).message());
    }
}
