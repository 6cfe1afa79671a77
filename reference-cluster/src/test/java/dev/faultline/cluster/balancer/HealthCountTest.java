package dev.faultline.cluster.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HealthCountTest {

    @Test
    void backendTurnsUnhealthyOnlyAfterEnoughFailuresInARow() {
        HealthCount count = new HealthCount(2, 3);

        assertThat(count.record(false)).isNull();
        assertThat(count.record(true)).isNull();
        assertThat(count.record(false)).isNull();
        assertThat(count.record(false)).isFalse();
    }

    @Test
    void unhealthyBackendComesBackAfterEnoughPassesInARow() {
        HealthCount count = new HealthCount(1, 2);
        count.record(false);

        assertThat(count.record(true)).isNull();
        assertThat(count.record(false)).isNull();
        assertThat(count.record(true)).isNull();
        assertThat(count.record(true)).isTrue();
    }
}
