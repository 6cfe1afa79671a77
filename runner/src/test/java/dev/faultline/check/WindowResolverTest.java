package dev.faultline.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.fault.FaultRecord;
import dev.faultline.sample.TimeRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowResolverTest {
    private static final FaultRecord SPLIT = new FaultRecord("split", "latency", "lb->n1", 3_000, 6_000L);
    private static final FaultRecord SLOW = new FaultRecord("slow", "latency", "lb->n2", 5_000, 8_000L);

    @Test
    void steadyEndsWhenTheFirstFaultStarts() {
        assertThat(new WindowResolver(List.of(SLOW, SPLIT), 10_000).resolve("steady").ranges())
                .containsExactly(new TimeRange(0, 3_000));
    }

    @Test
    void faultsWindowMergesOverlappingFaults() {
        assertThat(new WindowResolver(List.of(SPLIT, SLOW), 10_000).resolve("faults").ranges())
                .containsExactly(new TimeRange(3_000, 8_000));
    }

    @Test
    void faultsWindowKeepsSeparateFaultsApart() {
        FaultRecord late = new FaultRecord("late", "latency", "lb->n1", 9_000, 9_500L);
        assertThat(new WindowResolver(List.of(SPLIT, late), 10_000).resolve("faults").ranges())
                .containsExactly(new TimeRange(3_000, 6_000), new TimeRange(9_000, 9_500));
    }

    @Test
    void recoveryStartsAtTheLastHeal() {
        assertThat(new WindowResolver(List.of(SPLIT, SLOW), 10_000).resolve("recovery").ranges())
                .containsExactly(new TimeRange(8_000, 10_000));
    }

    @Test
    void aFaultStillActiveAtTheEndLastsUntilTheLoadEnds() {
        FaultRecord open = new FaultRecord("open", "latency", "lb->n1", 4_000, null);
        WindowResolver windows = new WindowResolver(List.of(open), 10_000);
        assertThat(windows.resolve("open").ranges()).containsExactly(new TimeRange(4_000, 10_000));
        assertThat(windows.resolve("recovery").isEmpty()).isTrue();
    }

    @Test
    void aNamedWindowIsTheSpanItsFaultWasActive() {
        assertThat(new WindowResolver(List.of(SPLIT, SLOW), 10_000).resolve("slow").ranges())
                .containsExactly(new TimeRange(5_000, 8_000));
    }

    @Test
    void windowsOfFaultsThatNeverHappenedAreEmpty() {
        WindowResolver windows = new WindowResolver(List.of(), 10_000);
        assertThat(windows.resolve("recovery").isEmpty()).isTrue();
        assertThat(windows.resolve("faults").isEmpty()).isTrue();
        assertThat(windows.resolve("split").isEmpty()).isTrue();
        assertThat(windows.resolve("steady").ranges()).containsExactly(new TimeRange(0, 10_000));
    }
}
