package dev.faultline.cluster.balancer;

import static dev.faultline.cluster.balancer.BalancerFixture.backendOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.cluster.testkit.SwitchableBackend;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StrategiesIT {
    private final BalancerFixture fixture = new BalancerFixture();

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void leastConnectionsSpreadsSequentialRequestsOverAllBackends() throws Exception {
        List<SwitchableBackend> backends = fixture.backends(3);
        Balancer lb = fixture.balancer(backends, BalancerSettings.DEFAULTS.withStrategy(Strategy.LEAST_CONNECTIONS, null));

        for (int i = 0; i < 30; i++) {
            assertThat(fixture.get(lb, "/x").statusCode()).isEqualTo(200);
        }

        // with one request at a time every backend is idle, and ties go round in turn
        assertThat(backends).extracting(SwitchableBackend::requests).containsExactly(10, 10, 10);
    }

    @Test
    void consistentHashSendsEachClientToOneBackendAndSpreadsClients() throws Exception {
        List<SwitchableBackend> backends = fixture.backends(3);
        Balancer lb = fixture.balancer(backends, BalancerSettings.DEFAULTS.withStrategy(Strategy.CONSISTENT_HASH, null));

        Map<String, Set<String>> backendsPerClient = new HashMap<>();
        for (int round = 0; round < 3; round++) {
            for (int c = 0; c < 30; c++) {
                String client = "c" + c;
                String backend = backendOf(fixture.get(lb, "/x", "X-Client-Id", client));
                backendsPerClient.computeIfAbsent(client, k -> new HashSet<>()).add(backend);
            }
        }

        assertThat(backendsPerClient.values()).allSatisfy(set -> assertThat(set).hasSize(1));
        Set<String> used = new HashSet<>();
        backendsPerClient.values().forEach(used::addAll);
        assertThat(used).containsExactlyInAnyOrder("n1", "n2", "n3");
    }

    @Test
    void consistentHashByCookieFollowsTheCookie() throws Exception {
        List<SwitchableBackend> backends = fixture.backends(3);
        Balancer lb = fixture.balancer(backends,
                BalancerSettings.DEFAULTS.withStrategy(Strategy.CONSISTENT_HASH, "cookie:session"));

        Set<String> forOneSession = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            forOneSession.add(backendOf(fixture.get(lb, "/x", "Cookie", "theme=dark; session=s" + 17)));
        }

        assertThat(forOneSession).hasSize(1);
    }

    @Test
    void consistentHashMovesAClientToTheNextBackendWhileItsOwnerIsUnhealthyAndBack() throws Exception {
        List<SwitchableBackend> backends = fixture.backends(3);
        Balancer lb = fixture.balancer(backends, BalancerSettings.DEFAULTS
                .withStrategy(Strategy.CONSISTENT_HASH, null)
                .withHealthCheck(new HealthCheckSettings(java.time.Duration.ofMillis(50), java.time.Duration.ofMillis(500), 1, 1)));
        String owner = backendOf(fixture.get(lb, "/x", "X-Client-Id", "c1"));
        SwitchableBackend ownerBackend = backends.stream().filter(b -> b.name().equals(owner)).findFirst().orElseThrow();

        ownerBackend.healthy(false);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> !lb.isHealthy(owner));
        String whileDown = backendOf(fixture.get(lb, "/x", "X-Client-Id", "c1"));
        ownerBackend.healthy(true);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> lb.isHealthy(owner));

        assertThat(whileDown).isNotEqualTo(owner).isNotEqualTo("none");
        assertThat(backendOf(fixture.get(lb, "/x", "X-Client-Id", "c1"))).isEqualTo(owner);
    }
}
