package dev.faultline.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateRampTest {

    @Test
    void singleRateIsAConstantRamp() {
        RateRamp ramp = RateRamp.parse("100/s");
        assertThat(ramp.isConstant()).isTrue();
        assertThat(ramp.from()).isEqualTo(new Rate(100));
        assertThat(ramp.to()).isEqualTo(new Rate(100));
    }

    @Test
    void rampParsesBothEnds() {
        RateRamp ramp = RateRamp.parse("100/s -> 2k/s");
        assertThat(ramp.from()).isEqualTo(new Rate(100));
        assertThat(ramp.to()).isEqualTo(new Rate(2000));
        assertThat(ramp).hasToString("100/s -> 2000/s");
    }

    @Test
    void rampWithABadEndIsRejected() {
        assertThatThrownBy(() -> RateRamp.parse("100/s -> fast"))
                .isInstanceOf(UnitFormatException.class)
                .hasMessageContaining("bad rate 'fast'");
    }

    @Test
    void rampWithAMissingEndIsRejected() {
        assertThatThrownBy(() -> RateRamp.parse("100/s ->")).isInstanceOf(UnitFormatException.class);
    }
}
