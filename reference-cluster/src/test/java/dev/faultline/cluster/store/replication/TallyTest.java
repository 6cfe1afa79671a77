package dev.faultline.cluster.store.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TallyTest {
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);

    TallyTest() {
        timer.setRemoveOnCancelPolicy(true);
    }

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void decidesAsSoonAsTheQuorumAnswered() {
        Tally<String> tally = new Tally<>(3, 2, 60_000, timer);
        tally.success("n1");
        assertThat(tally.decided()).isNotDone();

        tally.success("n2");

        assertThat(tally.decided()).isCompletedWithValueMatching(acks -> acks.size() == 2);
    }

    @Test
    void decidesAsSoonAsTheQuorumCanNoLongerBeReached() {
        Tally<String> tally = new Tally<>(3, 2, 60_000, timer);
        tally.success("n1");
        tally.failure();
        assertThat(tally.decided()).isNotDone();

        tally.failure();

        assertThat(tally.decided()).isCompletedWithValueMatching(acks -> acks.size() == 1);
    }

    @Test
    void decidesWithWhatItHasWhenTheDeadlinePasses() throws Exception {
        Tally<String> tally = new Tally<>(3, 2, 50, timer);
        tally.success("n1");

        assertThat(tally.decided().get(10, TimeUnit.SECONDS)).containsExactly("n1");
        tally.success("n2");
        assertThat(tally.decided().join()).containsExactly("n1");
    }

    @Test
    void aTallyDecidedBeforeItsDeadlineLeavesNoDeadlineOnTheTimer() {
        Tally<String> reached = new Tally<>(3, 1, 60_000, timer);
        Tally<String> unreachable = new Tally<>(3, 3, 60_000, timer);
        assertThat(timer.getQueue()).hasSize(2);

        reached.success("n1");
        unreachable.failure();

        assertThat(timer.getQueue()).isEmpty();
    }
}
