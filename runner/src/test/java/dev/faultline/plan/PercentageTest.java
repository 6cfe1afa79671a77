package dev.faultline.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PercentageTest {

    @Test
    void wholeAndFractionalPercentagesParse() {
        assertThat(Percentage.parse("99.5%").percent()).isEqualTo(99.5);
        assertThat(Percentage.parse("0%").fraction()).isEqualTo(0.0);
        assertThat(Percentage.parse("100%").fraction()).isEqualTo(1.0);
    }

    @Test
    void percentageAbove100IsRejected() {
        assertThatThrownBy(() -> Percentage.parse("100.1%"))
                .isInstanceOf(UnitFormatException.class)
                .hasMessage("bad percentage '100.1%': a percentage can be at most 100%");
    }

    @Test
    void percentageWithoutPercentSignIsRejected() {
        assertThatThrownBy(() -> Percentage.parse("99.5"))
                .isInstanceOf(UnitFormatException.class)
                .hasMessageContaining("expected a number followed by %");
    }

    @Test
    void negativePercentageIsRejected() {
        assertThatThrownBy(() -> Percentage.parse("-1%")).isInstanceOf(UnitFormatException.class);
    }
}
