package dev.faultline.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RateTest {

    @Test
    void perSecondRateParses() {
        assertThat(Rate.parse("200/s").perSecond()).isEqualTo(200.0);
    }

    @Test
    void thousandsPerMinuteAreConvertedToPerSecond() {
        assertThat(Rate.parse("12k/m").perSecond()).isEqualTo(200.0);
        assertThat(Rate.parse("1.5k/s").perSecond()).isEqualTo(1500.0);
        assertThat(Rate.parse("360/h").perSecond()).isCloseTo(0.1, within(1e-9));
    }

    @Test
    void rateWithoutPerUnitIsRejected() {
        assertThatThrownBy(() -> Rate.parse("200"))
                .isInstanceOf(UnitFormatException.class)
                .hasMessageStartingWith("bad rate '200': expected a number, an optional k, '/' and s, m or h");
    }

    @Test
    void spelledOutUnitIsRejected() {
        assertThatThrownBy(() -> Rate.parse("100/sec")).hasMessageContaining("bad rate '100/sec'");
    }

    @Test
    void rateIsPrintedPerSecond() {
        assertThat(Rate.parse("12k/m")).hasToString("200/s");
    }
}
