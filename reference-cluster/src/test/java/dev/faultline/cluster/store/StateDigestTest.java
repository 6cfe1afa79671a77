package dev.faultline.cluster.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StateDigestTest {

    @Test
    void equalStatesWrittenInDifferentOrdersHaveEqualDigests() {
        StateDigest one = StateDigest.builder().add("a", bytes("1")).add("b", bytes("2")).add("c", bytes("3")).build();
        StateDigest two = StateDigest.builder().add("c", bytes("3")).add("a", bytes("1")).add("b", bytes("2")).build();

        assertThat(one).isEqualTo(two);
        assertThat(one.keys()).isEqualTo(3);
    }

    @Test
    void aDifferentValueGivesADifferentDigest() {
        StateDigest one = StateDigest.builder().add("a", bytes("1")).build();
        StateDigest two = StateDigest.builder().add("a", bytes("2")).build();

        assertThat(one.hex()).isNotEqualTo(two.hex());
    }

    @Test
    void theBoundaryBetweenKeyAndValueIsPartOfTheDigest() {
        StateDigest one = StateDigest.builder().add("ab", bytes("c")).build();
        StateDigest two = StateDigest.builder().add("a", bytes("bc")).build();

        assertThat(one.hex()).isNotEqualTo(two.hex());
    }

    @Test
    void emptyStateHasAZeroDigestOf64HexDigits() {
        StateDigest empty = StateDigest.builder().build();

        assertThat(empty.keys()).isZero();
        assertThat(empty.hex()).hasSize(64).matches("0+");
    }

    @Test
    void digestIsAlways64HexDigits() {
        for (int i = 0; i < 50; i++) {
            assertThat(StateDigest.builder().add("k" + i, bytes("v")).build().hex()).matches("[0-9a-f]{64}");
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
