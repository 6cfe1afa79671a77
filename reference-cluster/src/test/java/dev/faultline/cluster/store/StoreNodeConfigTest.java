package dev.faultline.cluster.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StoreNodeConfigTest {

    @Test
    void portZeroMeansPickAFreePort() {
        assertThat(new StoreNodeConfig("n1", "127.0.0.1", 0).port()).isZero();
    }

    @Test
    void portOutOfRangeIsRejectedNamingTheField() {
        assertThatThrownBy(() -> new StoreNodeConfig("n1", "127.0.0.1", 70_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'port'")
                .hasMessageContaining("70000");
    }

    @Test
    void nameThatCannotGoIntoAHeaderIsRejected() {
        assertThatThrownBy(() -> new StoreNodeConfig("n1\r\nX-Evil: 1", "127.0.0.1", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'name'");
    }

    @Test
    void blankHostIsRejected() {
        assertThatThrownBy(() -> new StoreNodeConfig("n1", " ", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'host'");
    }
}
