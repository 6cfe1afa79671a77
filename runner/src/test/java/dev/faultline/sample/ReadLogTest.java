package dev.faultline.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadLogTest {
    @Test
    void belowItsCapacityEveryReadIsKept() {
        ReadLog log = new ReadLog(3);
        log.add("k1", 10, 12, "[\"a\"]");
        log.add("k2", 11, 13, null);
        Reads reads = log.snapshot();
        assertThat(reads.complete()).isTrue();
        assertThat(reads.kept()).containsExactly(new Reads.Read("k1", 10, 12, "[\"a\"]"), new Reads.Read("k2", 11, 13, null));
    }

    @Test
    void pastItsCapacityItKeepsASampleAndCountsEveryRead() {
        ReadLog log = new ReadLog(100);
        for (int i = 0; i < 10_000; i++) {
            log.add("k" + i, i, i + 1, null);
        }
        Reads reads = log.snapshot();
        assertThat(reads.kept()).hasSize(100);
        assertThat(reads.seen()).isEqualTo(10_000);
        assertThat(reads.complete()).isFalse();
        // a uniform sample of 10,000 reads reaches well past the first 100
        assertThat(reads.kept()).anySatisfy(r -> assertThat(r.startMs()).isGreaterThan(5_000));
    }
}
