package dev.faultline.cluster.balancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BalancerConfigTest {
    private static final Backend N1 = new Backend("n1", new InetSocketAddress("127.0.0.1", 4567));
    private static final Backend N2 = new Backend("n2", new InetSocketAddress("127.0.0.1", 4568));

    @Test
    void missingBackendTimeoutDefaultsToTenSeconds() {
        assertThat(new BalancerConfig("lb", "127.0.0.1", 0, List.of(N1), null).backendTimeout())
                .isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void zeroBackendTimeoutIsRejected() {
        assertThatThrownBy(() -> new BalancerConfig("lb", "127.0.0.1", 0, List.of(N1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'backendTimeout'");
    }

    @Test
    void aBalancerWithoutBackendsIsRejected() {
        assertThatThrownBy(() -> new BalancerConfig("lb", "127.0.0.1", 0, List.of(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'backends'");
    }

    @Test
    void twoBackendsWithOneNameAreRejected() {
        Backend twin = new Backend("n1", new InetSocketAddress("127.0.0.1", 9999));

        assertThatThrownBy(() -> new BalancerConfig("lb", "127.0.0.1", 0, List.of(N1, twin), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'n1'");
    }

    @Test
    void backendsAreCopiedSoTheConfigCannotChange() {
        List<Backend> backends = new ArrayList<>(List.of(N1));
        BalancerConfig config = BalancerConfig.local("lb", backends);
        backends.add(N2);

        assertThat(config.backends()).containsExactly(N1);
    }

    @Test
    void backendWithoutAnAddressIsRejectedNamingIt() {
        assertThatThrownBy(() -> new Backend("n3", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'n3'");
    }

    @Test
    void backendDescribesItselfByNameAndAddress() {
        assertThat(N1.describe()).isEqualTo("backend n1 (127.0.0.1:4567)");
    }
}
