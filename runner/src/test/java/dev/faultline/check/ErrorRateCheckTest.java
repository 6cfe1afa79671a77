package dev.faultline.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.plan.CheckSpec;
import dev.faultline.plan.Percentage;
import dev.faultline.sample.ErrorKind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorRateCheckTest {
    private static Verdict judge(String max, List<String> kinds, FixedSamples samples) {
        CheckSpec.ErrorRateCheck spec = new CheckSpec.ErrorRateCheck(null, null, "all", Percentage.parse(max), kinds);
        return new ErrorRateCheck(spec).evaluate(Records.of(samples)).get(0);
    }

    /** 100 requests: 95 ok, 3 answered 5xx, 2 answered 429. */
    private static FixedSamples mixed() {
        return new FixedSamples("read").ok("read", 1, 1_000, 95)
                .failed("read", 1, ErrorKind.STATUS_5XX, 3).failed("read", 1, ErrorKind.STATUS_429, 2);
    }

    @Test
    void passesAtExactlyItsMaximum() {
        Verdict v = judge("5%", null, mixed());
        assertThat(v.passed()).isTrue();
        assertThat(v.observed()).isEqualTo(5.0);
    }

    @Test
    void failsJustAboveItsMaximumAndSaysByHowMuch() {
        Verdict v = judge("4.9%", null, mixed());
        assertThat(v.passed()).isFalse();
        assertThat(v.message()).isEqualTo(
                "error rate of all requests in 'all' was 5% (5 of 100 failed), max 4.90% (over by 0.10 points)");
    }

    @Test
    void countsOnlyTheKindsItNames() {
        Verdict v = judge("2%", List.of("429"), mixed());
        assertThat(v.observed()).isEqualTo(2.0);
        assertThat(v.passed()).isTrue();
        assertThat(v.name()).isEqualTo("error-rate (429)");
        assertThat(judge("2.9%", List.of("5xx"), mixed()).passed()).isFalse();
    }

    @Test
    void failsWithNotEnoughDataWhenItsWindowHasNoRequests() {
        Verdict v = judge("100%", null, new FixedSamples("read"));
        assertThat(v.passed()).isFalse();
        assertThat(v.message()).contains("not enough data");
    }

    @Test
    void thePlanKnowsEveryErrorKindByItsLabel() {
        assertThat(CheckSpec.ErrorRateCheck.KNOWN_KINDS)
                .containsExactlyElementsOf(Arrays.stream(ErrorKind.values()).map(ErrorKind::label).toList());
    }
}
