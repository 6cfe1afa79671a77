package dev.faultline.cluster.store.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionVectorTest {
    private final VersionVector a = VersionVector.of(Map.of("n1", 2L, "n2", 1L));
    private final VersionVector b = VersionVector.of(Map.of("n1", 1L, "n2", 3L));

    @Test
    void concurrentVectorsSupersedeNeitherOther() {
        assertThat(a.supersedes(b)).isFalse();
        assertThat(b.supersedes(a)).isFalse();
    }

    @Test
    void theMergeAdvancedAtOneNodeSupersedesBoth() {
        VersionVector next = a.merge(b).with("n3", 1);

        assertThat(next.counters()).isEqualTo(Map.of("n1", 2L, "n2", 3L, "n3", 1L));
        assertThat(next.supersedes(a)).isTrue();
        assertThat(next.supersedes(b)).isTrue();
        assertThat(a.supersedes(a)).isFalse();
    }

    @Test
    void theContextTokenRoundTrips() {
        assertThat(VersionVector.fromToken(a.token())).isEqualTo(a);
        assertThat(VersionVector.fromToken(VersionVector.EMPTY.token())).isEqualTo(VersionVector.EMPTY);
    }

    @Test
    void aTokenThisStoreDidNotIssueIsRejected() {
        assertThatThrownBy(() -> VersionVector.fromToken("%%%")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("X-Context");
        assertThatThrownBy(() -> VersionVector.fromToken("bjE9eA")).isInstanceOf(IllegalArgumentException.class);
    }
}
