package dev.faultline.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.sample.Acknowledgements.Ack;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which acknowledged writes of one key a replica lost, at the boundaries of "acknowledged before it was sent". */
class WriteLossesTest {
    private static final Ack OLD = new Ack("write", "k1", "c0-1", 900, 1_000);

    private static Ack sentAt(long sentAtMs) {
        return new Ack("write", "k1", "c1-2", sentAtMs, sentAtMs + 50);
    }

    private static List<Ack> lostRegister(Set<String> held, Ack... acks) {
        return WriteLosses.REGISTER_VALUES.lost(List.of(acks), held).stream().map(WriteLosses.Loss::ack).toList();
    }

    @Test
    void aWriteSentAfterTheHeldValueWasAcknowledgedIsLost() {
        Ack later = sentAt(1_001);

        List<WriteLosses.Loss> lost = WriteLosses.REGISTER_VALUES.lost(List.of(OLD, later), Set.of("c0-1"));

        assertThat(lost).extracting(WriteLosses.Loss::ack).containsExactly(later);
        assertThat(lost.get(0).heldInstead()).isEqualTo("c0-1 (acknowledged at 1000 ms)");
    }

    @Test
    void aWriteSentInTheMillisecondTheHeldValueWasAcknowledgedIsNotCountedLost() {
        assertThat(lostRegister(Set.of("c0-1"), OLD, sentAt(1_000))).isEmpty();
    }

    @Test
    void aWriteSentBeforeTheHeldValueWasAcknowledgedMayBeSupersededByIt() {
        assertThat(lostRegister(Set.of("c0-1"), OLD, sentAt(950))).isEmpty();
    }

    @Test
    void aReplicaHoldingTheWriteItselfHasNotLostIt() {
        Ack later = sentAt(2_000);

        assertThat(lostRegister(Set.of("c1-2"), OLD, later)).isEmpty();
    }

    @Test
    void aValueNoAcknowledgedWriteWroteCountsAsNewerSoNothingIsCountedLost() {
        assertThat(lostRegister(Set.of("c9-9"), OLD, sentAt(2_000))).isEmpty();
    }

    @Test
    void aReplicaHoldingNothingHasLostEveryAcknowledgedWrite() {
        Ack later = sentAt(2_000);

        List<WriteLosses.Loss> lost = WriteLosses.REGISTER_VALUES.lost(List.of(OLD, later), Set.of());

        assertThat(lost).extracting(WriteLosses.Loss::ack).containsExactly(OLD, later);
        assertThat(lost.get(0).heldInstead()).isEqualTo("nothing");
    }

    @Test
    void siblingsLoseAWriteOnlyWhenEveryOneOfThemIsOlder() {
        Ack older = new Ack("write", "k1", "c2-3", 1_100, 1_200);
        Ack concurrent = new Ack("write", "k1", "c3-4", 1_900, 2_100);
        Ack later = sentAt(2_000);

        assertThat(lostRegister(Set.of("c0-1", "c3-4"), OLD, older, concurrent, later))
                .as("c3-4 was not acknowledged before any of them was sent: each is held or superseded").isEmpty();
        assertThat(lostRegister(Set.of("c0-1", "c2-3"), OLD, older, concurrent, later))
                .as("both siblings were acknowledged before these two were sent").containsExactly(concurrent, later);
    }

    @Test
    void aSetLosesTheElementsItDoesNotHold() {
        Ack held = new Ack("add", "k1", "c0-1", 10, 20);
        Ack missing = new Ack("add", "k1", "c1-2", 30, 40);

        List<WriteLosses.Loss> lost = WriteLosses.SET_ELEMENTS.lost(List.of(held, missing), Set.of("c0-1"));

        assertThat(lost).extracting(WriteLosses.Loss::ack).containsExactly(missing);
        assertThat(lost.get(0).heldInstead()).isNull();
    }
}
