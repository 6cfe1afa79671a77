package dev.faultline.cluster.balancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.cluster.http.ServerStartException;
import dev.faultline.cluster.testkit.SwitchableBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A primary/standby pair inside one JVM: closing the primary stands in for its process dying. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StandbyIT {
    private static final BalancerSettings PAIR = BalancerSettings.DEFAULTS.withStandby(true);
    private final BalancerFixture fixture = new BalancerFixture();

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private Balancer balancer(String name, int port, List<SwitchableBackend> backends, BalancerSettings settings) {
        List<Backend> list = new ArrayList<>();
        backends.forEach(b -> list.add(new Backend(b.name(), b.address())));
        return fixture.started(Balancer.start(new BalancerConfig(name, "127.0.0.1", port, list,
                Duration.ofSeconds(5), 0, settings)));
    }

    @Test
    void theStandbyWaitsWhileThePrimaryHoldsThePortAndSaysSoOnItsMetrics() throws Exception {
        List<SwitchableBackend> backends = fixture.backends(2);
        Balancer lb = balancer("lb", 0, backends, PAIR);
        Balancer lb2 = balancer("lb2", lb.port(), backends, PAIR);

        assertThat(lb.isActive()).isTrue();
        assertThat(lb2.isActive()).isFalse();
        assertThat(lb2.port()).isEqualTo(lb.port());
        assertThat(fixture.metrics(lb)).contains("balancer_active{component=\"lb\"} 1.0");
        assertThat(fixture.metrics(lb2)).contains("balancer_active{component=\"lb2\"} 0.0")
                .contains("balancer_takeovers_total{component=\"lb2\"} 0.0");
        assertThat(fixture.get(lb, "/x").statusCode()).isEqualTo(200);
    }

    @Test
    void theStandbyWarmsItsRequestPathThroughTheBackendsWhileWaiting() throws Exception {
        List<SwitchableBackend> backends = fixture.backends(1);
        Balancer lb = balancer("lb", 0, backends, PAIR);
        Balancer lb2 = balancer("lb2", lb.port(), backends, PAIR);

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(fixture.metrics(lb2))
                .contains("balancer_requests_seconds_count{backend=\"n1\",component=\"lb2\",status=\"2xx\"}"));
        assertThat(lb2.isActive()).isFalse();
    }

    @Test
    void theStandbyTakesOverTheServicePortWhenThePrimaryStops() throws Exception {
        List<SwitchableBackend> backends = fixture.backends(2);
        Balancer lb = balancer("lb", 0, backends, PAIR);
        Balancer lb2 = balancer("lb2", lb.port(), backends, PAIR);

        lb.close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!lb2.isActive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        assertThat(lb2.isActive()).isTrue();
        var response = fixture.get(lb2, "/x");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(BalancerFixture.backendOf(response)).isIn("n1", "n2");
        assertThat(fixture.metrics(lb2)).contains("balancer_active{component=\"lb2\"} 1.0")
                .contains("balancer_takeovers_total{component=\"lb2\"} 1.0");
    }

    @Test
    void aPrimaryStartedAgainBecomesTheStandbyOfTheOneThatTookOver() throws Exception {
        List<SwitchableBackend> backends = fixture.backends(1);
        Balancer lb = balancer("lb", 0, backends, PAIR);
        int port = lb.port();
        Balancer lb2 = balancer("lb2", port, backends, PAIR);
        lb.close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!lb2.isActive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        Balancer again = balancer("lb", port, backends, PAIR);

        assertThat(lb2.isActive()).isTrue();
        assertThat(again.isActive()).isFalse();
    }

    @Test
    void aLoneBalancerOnATakenPortFailsToStartNamingThePort() throws Exception {
        List<SwitchableBackend> backends = fixture.backends(1);
        Balancer lb = balancer("lb", 0, backends, BalancerSettings.DEFAULTS);

        assertThatThrownBy(() -> balancer("lb2", lb.port(), backends, BalancerSettings.DEFAULTS))
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining("127.0.0.1:" + lb.port());
    }
}
