package dev.faultline.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.fault.FaultRecord;
import dev.faultline.plan.CheckSpec;
import dev.faultline.plan.Percentage;
import dev.faultline.sample.ErrorKind;
import org.junit.jupiter.api.Test;

class AvailabilityCheckTest {
    private static Verdict judge(String window, String min, FixedSamples samples, FaultRecord... faults) {
        CheckSpec.AvailabilityCheck spec = new CheckSpec.AvailabilityCheck(null, null, window, Percentage.parse(min));
        return new AvailabilityCheck(spec).evaluate(Records.of(samples, faults)).get(0);
    }

    private static FixedSamples ninetyNineOfAHundred() {
        return new FixedSamples("read").ok("read", 2, 1_000, 99).failed("read", 2, ErrorKind.STATUS_5XX, 1);
    }

    @Test
    void passesAtExactlyItsMinimum() {
        Verdict v = judge("all", "99%", ninetyNineOfAHundred());
        assertThat(v.passed()).isTrue();
        assertThat(v.observed()).isEqualTo(99.0);
    }

    @Test
    void failsJustBelowItsMinimumAndSaysByHowMuch() {
        Verdict v = judge("all", "99.5%", ninetyNineOfAHundred());
        assertThat(v.passed()).isFalse();
        assertThat(v.message()).isEqualTo(
                "availability of all requests in 'all' was 99% (99 of 100 succeeded), min 99.50% (short by 0.50 points)");
    }

    @Test
    void droppedArrivalsCountAsFailures() {
        FixedSamples samples = new FixedSamples("read").ok("read", 1, 1_000, 9).failed("read", 1, ErrorKind.DROPPED, 1);
        assertThat(judge("all", "95%", samples).observed()).isEqualTo(90.0);
    }

    @Test
    void failsWithNotEnoughDataWhenItsWindowHasNoRequests() {
        FaultRecord fault = new FaultRecord("split", "latency", "lb->n1", 5_000, 6_000L);
        Verdict v = judge("split", "0%", ninetyNineOfAHundred(), fault);
        assertThat(v.passed()).isFalse();
        assertThat(v.message()).contains("not enough data");
    }
}
