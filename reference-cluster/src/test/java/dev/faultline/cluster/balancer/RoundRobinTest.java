package dev.faultline.cluster.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundRobinTest {

    @Test
    void requestsGoToEachBackendInTurn() {
        RoundRobin roundRobin = new RoundRobin(TestBackends.named(3));

        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            chosen.add(roundRobin.select(null).backend().name());
        }

        assertThat(chosen).containsExactly("n1", "n2", "n3", "n1", "n2", "n3", "n1");
    }

    @Test
    void anUnhealthyBackendIsSkipped() {
        List<BackendState> backends = TestBackends.named(3);
        backends.get(1).healthy(false);
        RoundRobin roundRobin = new RoundRobin(backends);

        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            chosen.add(roundRobin.select(null).backend().name());
        }

        assertThat(chosen).doesNotContain("n2").contains("n1", "n3");
    }

    @Test
    void noHealthyBackendSelectsNone() {
        List<BackendState> backends = TestBackends.named(2);
        backends.forEach(state -> state.healthy(false));

        assertThat(new RoundRobin(backends).select(null)).isNull();
    }
}
