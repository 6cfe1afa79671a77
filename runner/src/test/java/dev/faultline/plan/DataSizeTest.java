package dev.faultline.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DataSizeTest {

    @Test
    void sizesAreCountedInPowersOf1024() {
        assertThat(DataSize.parse("512B").bytes()).isEqualTo(512);
        assertThat(DataSize.parse("64KB").bytes()).isEqualTo(64 * 1024);
        assertThat(DataSize.parse("1.5MB").bytes()).isEqualTo(1536 * 1024);
        assertThat(DataSize.parse("1GB").bytes()).isEqualTo(1L << 30);
    }

    @Test
    void bandwidthParsesPerSecond() {
        assertThat(DataSize.parseRate("100KB/s").bytes()).isEqualTo(100 * 1024);
    }

    @Test
    void sizeWithoutUnitIsRejected() {
        assertThatThrownBy(() -> DataSize.parse("64"))
                .isInstanceOf(UnitFormatException.class)
                .hasMessage("bad size '64': expected a number and B, KB, MB or GB (e.g. 64KB)");
    }

    @Test
    void lowerCaseUnitIsRejected() {
        assertThatThrownBy(() -> DataSize.parse("64kb")).isInstanceOf(UnitFormatException.class);
    }

    @Test
    void bandwidthWithoutPerSecondIsRejected() {
        assertThatThrownBy(() -> DataSize.parseRate("100KB"))
                .isInstanceOf(UnitFormatException.class)
                .hasMessageContaining("bad bandwidth '100KB'");
    }
}
