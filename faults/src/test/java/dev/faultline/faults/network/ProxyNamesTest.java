package dev.faultline.faults.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class ProxyNamesTest {

    @Test
    void proxyNameReplacesTheArrowAndAnythingUnsafeInAUrlPath() {
        assertThat(ProxyNames.proxyName("lb", "n1")).isEqualTo("lb-to-n1");
        assertThat(ProxyNames.proxyName("a b/c", "n?1")).isEqualTo("a_b_c-to-n_1");
    }

    @Test
    void addressesRoundTripThroughToxiproxysHostPortForm() {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", 8080);

        assertThat(ProxyNames.parse(ProxyNames.hostPort(address))).isEqualTo(address);
    }

    @Test
    void onlyA404CountsAsAlreadyGone() {
        assertThat(ProxyNames.isNotFound(new java.io.IOException("[404] toxic not found"))).isTrue();
        assertThat(ProxyNames.isNotFound(new java.io.IOException("[500] boom"))).isFalse();
    }
}
