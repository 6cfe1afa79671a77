package dev.faultline.cluster.store.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HybridClockTest {
    private final AtomicLong wall = new AtomicLong(1_000_000);
    private final HybridClock clock = new HybridClock(wall::get);

    @Test
    void timestampsGrowEvenWhenTheWallClockStandsStill() {
        long first = clock.now();
        long second = clock.now();

        assertThat(second).isGreaterThan(first);
        assertThat(HybridClock.physicalMillis(second)).isEqualTo(1_000_000);
    }

    @Test
    void timestampsGrowEvenWhenTheWallClockGoesBack() {
        long first = clock.now();
        wall.addAndGet(-5_000);

        assertThat(clock.now()).isGreaterThan(first);
    }

    @Test
    void aTimestampSeenFromAnotherNodeOrdersLaterLocalOnesAfterIt() {
        long remote = HybridClock.packed(2_000_000, 7);

        clock.observe(remote);

        assertThat(clock.now()).isGreaterThan(remote);
    }

    @Test
    void skewShiftsThePhysicalPart() {
        clock.skew(60_000);

        assertThat(HybridClock.physicalMillis(clock.now())).isEqualTo(1_060_000);
        assertThat(clock.skewMillis()).isEqualTo(60_000);
    }

    @Test
    void aClockBehindIssuesSmallerTimestampsThanAnUnskewedOneThatItHasNotHeardFrom() {
        HybridClock behind = new HybridClock(wall::get);
        behind.skew(-60_000);

        assertThat(behind.now()).isLessThan(clock.now());
    }
}
