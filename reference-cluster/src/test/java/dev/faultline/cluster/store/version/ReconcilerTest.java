package dev.faultline.cluster.store.version;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReconcilerTest {

    @Test
    void lastWriteWinsKeepsTheGreatestTimestampWhateverTheOrder() {
        Version early = version("early", 10, "n2", Map.of());
        Version late = version("late", 20, "n1", Map.of());
        LastWriteWins lww = new LastWriteWins();

        assertThat(lww.merge(List.of(early), List.of(late))).containsExactly(late);
        assertThat(lww.merge(List.of(late), List.of(early))).containsExactly(late);
    }

    @Test
    void lastWriteWinsBreaksATimestampTieByWriter() {
        Version fromN1 = version("a", 10, "n1", Map.of());
        Version fromN2 = version("b", 10, "n2", Map.of());

        assertThat(new LastWriteWins().merge(List.of(fromN2), List.of(fromN1))).containsExactly(fromN2);
    }

    @Test
    void versionVectorsKeepConcurrentWritesAsSiblings() {
        Version one = version("one", 1, "n1", Map.of("n1", 1L));
        Version two = version("two", 1, "n2", Map.of("n2", 1L));

        assertThat(new VectorSiblings().merge(List.of(one), List.of(two))).containsExactlyInAnyOrder(one, two);
    }

    @Test
    void aVersionThatDescendsFromSiblingsReplacesThem() {
        Version one = version("one", 1, "n1", Map.of("n1", 1L));
        Version two = version("two", 1, "n2", Map.of("n2", 1L));
        Version resolved = version("resolved", 2, "n1", Map.of("n1", 2L, "n2", 1L));

        assertThat(new VectorSiblings().merge(List.of(one, two), List.of(resolved))).containsExactly(resolved);
        assertThat(new VectorSiblings().merge(List.of(resolved), List.of(one))).containsExactly(resolved);
    }

    @Test
    void setUnionKeepsEveryElementOnce() {
        SetUnion union = new SetUnion();
        List<Version> merged = union.merge(List.of(SetUnion.element(bytes("a")), SetUnion.element(bytes("b"))),
                List.of(SetUnion.element(bytes("b")), SetUnion.element(bytes("c"))));

        assertThat(merged).extracting(version -> new String(version.value(), UTF_8)).containsExactly("a", "b", "c");
    }

    @Test
    void everyReconcilerConvergesWhateverOrderAndRepetitionTheVersionsArriveIn() {
        List<Version> writes = List.of(
                version("a", 5, "n1", Map.of("n1", 1L)),
                version("b", 7, "n2", Map.of("n2", 1L)),
                version("c", 6, "n3", Map.of("n1", 1L, "n3", 1L)),
                version("d", 9, "n2", Map.of("n1", 1L, "n2", 2L, "n3", 1L)),
                version("e", 8, "n1", Map.of("n1", 2L)));
        Random random = new Random(42);
        for (Reconciler reconciler : List.of(new LastWriteWins(), new VectorSiblings(), new SetUnion())) {
            List<Version> expected = mergeAll(reconciler, writes);
            for (int round = 0; round < 50; round++) {
                List<Version> shuffled = new ArrayList<>(writes);
                shuffled.addAll(writes.subList(0, random.nextInt(writes.size())));
                Collections.shuffle(shuffled, random);
                assertThat(mergeAll(reconciler, shuffled)).as(reconciler.getClass().getSimpleName()).isEqualTo(expected);
            }
        }
    }

    private static List<Version> mergeAll(Reconciler reconciler, List<Version> versions) {
        List<Version> state = List.of();
        for (Version version : versions) {
            state = reconciler.merge(state, List.of(version));
        }
        return state;
    }

    private static Version version(String value, long timestamp, String writer, Map<String, Long> vector) {
        return new Version(bytes(value), false, timestamp, writer, VersionVector.of(vector));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
