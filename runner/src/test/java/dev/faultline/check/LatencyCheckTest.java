package dev.faultline.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.fault.FaultRecord;
import dev.faultline.plan.CheckSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyCheckTest {
    private static CheckSpec.LatencyCheck p99(String request, String window, Duration limit) {
        return new CheckSpec.LatencyCheck(null, request, window, null, null, limit, null, null);
    }

    /** 99 fast reads of 10 ms and 1 slow read per second in seconds 0..9: p99 is 10 ms, max 500 ms. */
    private static FixedSamples reads() {
        FixedSamples samples = new FixedSamples("read", "write");
        for (int s = 0; s < 10; s++) {
            samples.ok("read", s, 10_000, 99).ok("read", s, 500_000, 1);
        }
        return samples;
    }

    @Test
    void passesWhenThePercentileEqualsItsLimit() {
        List<Verdict> verdicts = new LatencyCheck(p99("read", "all", Duration.ofMillis(10))).evaluate(Records.of(reads()));
        assertThat(verdicts).singleElement().satisfies(v -> {
            assertThat(v.passed()).isTrue();
            assertThat(v.observed()).as("10 ms as HdrHistogram reports it").isEqualTo(10.007);
            assertThat(v.limit()).isEqualTo(10.0);
            assertThat(v.type()).isEqualTo("latency");
        });
    }

    @Test
    void failsJustOverItsLimitAndSaysByHowMuch() {
        Verdict v = new LatencyCheck(p99("read", "all", Duration.ofNanos(9_990_000))).evaluate(Records.of(reads())).get(0);
        assertThat(v.passed()).isFalse();
        assertThat(v.message()).isEqualTo("p99 of 'read' in 'all' was 10.0ms, limit 9.99ms (over by 0.017ms)");
    }

    @Test
    void everyGivenBudgetIsJudgedOnItsOwn() {
        CheckSpec.LatencyCheck spec = new CheckSpec.LatencyCheck("budget", "read", "all",
                Duration.ofMillis(10), null, null, null, Duration.ofMillis(100));
        List<Verdict> verdicts = new LatencyCheck(spec).evaluate(Records.of(reads()));
        assertThat(verdicts).extracting(Verdict::name).containsExactly("budget p50", "budget max");
        assertThat(verdicts).extracting(Verdict::passed).containsExactly(true, false);
        assertThat(verdicts.get(1).observed()).isEqualTo(500.0, org.assertj.core.data.Offset.offset(0.5));
    }

    @Test
    void failsWithNotEnoughDataWhenItsWindowHasNoRequests() {
        FaultRecord fault = new FaultRecord("split", "latency", "lb->n1", 3_000, 6_000L);
        Verdict v = new LatencyCheck(p99("write", "split", Duration.ofSeconds(1))).evaluate(Records.of(reads(), fault)).get(0);
        assertThat(v.passed()).isFalse();
        assertThat(v.observed()).isNull();
        assertThat(v.message()).contains("not enough data");
    }

    @Test
    void countsOnlyTheSamplesOfItsWindow() {
        FixedSamples samples = new FixedSamples("read").ok("read", 0, 1_000, 100).ok("read", 4, 80_000, 100);
        FaultRecord fault = new FaultRecord("slow", "latency", "lb->n1", 3_500, 5_000L);
        dev.faultline.sample.RunRecord record = Records.of(samples, fault);
        assertThat(new LatencyCheck(p99("read", "steady", Duration.ofMillis(2))).evaluate(record).get(0).passed()).isTrue();
        Verdict during = new LatencyCheck(p99("read", "slow", Duration.ofMillis(50))).evaluate(record).get(0);
        assertThat(during.passed()).isFalse();
        assertThat(during.observed()).isEqualTo(80.0, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void withoutARequestNameItJudgesAllRequestsTogether() {
        FixedSamples samples = new FixedSamples("read", "write").ok("read", 1, 1_000, 50).ok("write", 1, 90_000, 50);
        Verdict v = new LatencyCheck(p99(null, "all", Duration.ofMillis(50))).evaluate(Records.of(samples)).get(0);
        assertThat(v.passed()).isFalse();
        assertThat(v.name()).isEqualTo("latency * p99");
        assertThat(v.message()).startsWith("p99 of all requests in 'all' was");
    }
}
