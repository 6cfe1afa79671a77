package dev.faultline.cluster.store.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HashRingTest {
    private static final List<String> NODES = List.of("n1", "n2", "n3", "n4", "n5");

    @Test
    void preferenceListHasReplicationDistinctNodes() {
        HashRing ring = new HashRing(NODES, 64, 3);

        for (int i = 0; i < 1_000; i++) {
            List<String> replicas = ring.preferenceList("key-" + i);
            assertThat(replicas).hasSize(3).doesNotHaveDuplicates().isSubsetOf(NODES);
        }
    }

    @Test
    void everyNodeComputesTheSameListWhateverOrderItKnowsTheNodesIn() {
        HashRing one = new HashRing(NODES, 64, 3);
        HashRing other = new HashRing(List.of("n3", "n5", "n1", "n4", "n2"), 64, 3);

        for (int i = 0; i < 500; i++) {
            assertThat(one.preferenceList("key-" + i)).isEqualTo(other.preferenceList("key-" + i));
        }
    }

    @Test
    void virtualNodesSpreadPrimariesRoughlyEvenly() {
        HashRing ring = new HashRing(NODES, 64, 1);
        Map<String, Integer> primaries = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            primaries.merge(ring.preferenceList("key-" + i).get(0), 1, Integer::sum);
        }

        assertThat(primaries).hasSize(5);
        primaries.values().forEach(count -> assertThat(count).isBetween(1_000, 3_000));
    }

    @Test
    void addingANodeMovesOnlyTheKeysItTakesOver() {
        HashRing before = new HashRing(List.of("n1", "n2", "n3", "n4"), 64, 1);
        HashRing after = new HashRing(NODES, 64, 1);
        int moved = 0;
        for (int i = 0; i < 10_000; i++) {
            String was = before.preferenceList("key-" + i).get(0);
            String is = after.preferenceList("key-" + i).get(0);
            if (!was.equals(is)) {
                assertThat(is).isEqualTo("n5");
                moved++;
            }
        }
        assertThat(moved).isBetween(1_000, 3_500);
    }

    @Test
    void replicationBeyondTheNodeCountIsRejected() {
        assertThatThrownBy(() -> new HashRing(List.of("n1", "n2"), 8, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and 2");
    }
}
