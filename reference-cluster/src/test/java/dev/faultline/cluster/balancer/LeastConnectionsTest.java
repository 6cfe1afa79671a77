package dev.faultline.cluster.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LeastConnectionsTest {

    @Test
    void theBackendWithFewestRequestsInFlightIsChosen() {
        List<BackendState> backends = TestBackends.named(3);
        backends.get(0).started();
        backends.get(0).started();
        backends.get(1).started();
        LeastConnections strategy = new LeastConnections(backends);

        assertThat(strategy.select(null).backend().name()).isEqualTo("n3");
    }

    @Test
    void idleBackendsShareRequestsEvenly() {
        List<BackendState> backends = TestBackends.named(3);
        LeastConnections strategy = new LeastConnections(backends);

        for (int i = 0; i < 6; i++) {
            BackendState chosen = strategy.select(null);
            chosen.started();
        }

        assertThat(backends).extracting(BackendState::inFlight).containsExactly(2, 2, 2);
    }

    @Test
    void anUnhealthyBackendGetsNothingEvenWhenIdle() {
        List<BackendState> backends = TestBackends.named(2);
        backends.get(0).healthy(false);
        backends.get(1).started();
        backends.get(1).started();

        assertThat(new LeastConnections(backends).select(null).backend().name()).isEqualTo("n2");
    }
}
