package dev.faultline.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void everyUnitParses() {
        assertThat(Durations.parse("250us")).isEqualTo(Duration.ofNanos(250_000));
        assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(Durations.parse("1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void fractionsAndSpacesAreAccepted() {
        assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse(" 10 ms ")).isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void zeroNeedsNoUnit() {
        assertThat(Durations.parse("0")).isEqualTo(Duration.ZERO);
    }

    @Test
    void durationWithoutUnitIsRejected() {
        assertThatThrownBy(() -> Durations.parse("3"))
                .isInstanceOf(UnitFormatException.class)
                .hasMessage("bad duration '3': expected a number and a unit us, ms, s, m or h (e.g. 250ms, 5s, 1m)");
    }

    @Test
    void unknownUnitIsRejected() {
        assertThatThrownBy(() -> Durations.parse("3sec")).hasMessageContaining("bad duration '3sec'");
        assertThatThrownBy(() -> Durations.parse("1d")).hasMessageContaining("bad duration '1d'");
    }

    @Test
    void negativeDurationIsRejected() {
        assertThatThrownBy(() -> Durations.parse("-5s")).isInstanceOf(UnitFormatException.class);
    }

    @Test
    void formatIsTheInverseOfParse() {
        for (String text : new String[] {"0", "250us", "250ms", "5s", "1m", "2h", "1500ms"}) {
            assertThat(Durations.format(Durations.parse(text))).isEqualTo(text);
        }
    }
}
