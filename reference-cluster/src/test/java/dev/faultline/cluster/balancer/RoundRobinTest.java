package dev.faultline.cluster.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundRobinTest {

    @Test
    void requestsGoToEachBackendInTurn() {
        Backend n1 = new Backend("n1", new InetSocketAddress("127.0.0.1", 1));
        Backend n2 = new Backend("n2", new InetSocketAddress("127.0.0.1", 2));
        Backend n3 = new Backend("n3", new InetSocketAddress("127.0.0.1", 3));
        RoundRobin roundRobin = new RoundRobin(List.of(n1, n2, n3));

        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            chosen.add(roundRobin.select(null).name());
        }

        assertThat(chosen).containsExactly("n1", "n2", "n3", "n1", "n2", "n3", "n1");
    }
}
