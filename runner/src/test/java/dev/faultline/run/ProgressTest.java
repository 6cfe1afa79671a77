package dev.faultline.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.sample.LiveSecond;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void aProgressLineShowsTimeRateP99ErrorsAndActiveFaults() {
        String line = Progress.format(12_400, 30_000, new LiveSecond(11, 1998, 2, 4_120, 7), List.of("slow-store", "split"));

        assertThat(line).isEqualTo("progress  12s/30s  1998/s  p99 4.12ms  errors 7  faults: slow-store, split");
    }

    @Test
    void aQuietSecondWithoutFaultsSaysSo() {
        String line = Progress.format(3_000, 2_500, new LiveSecond(2, 0, 0, 0, 0), List.of());

        assertThat(line).isEqualTo("progress  3s/3s  0/s  p99 0.00ms  errors 0  faults: none");
    }
}
