package dev.faultline.cluster.balancer;

import static dev.faultline.cluster.balancer.BalancerFixture.backendOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.cluster.testkit.SwitchableBackend;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Breakers, health checks and rate limits against real backends on 127.0.0.1. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ResilienceIT {
    private static final BreakerSettings QUICK_BREAKER =
            new BreakerSettings(true, 50, null, Double.NaN, 4, Duration.ofMillis(500), 2);

    private final BalancerFixture fixture = new BalancerFixture();

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void breakerOpensFailsFastThenHalfOpensAndClosesWhenTheBackendRecovers() throws Exception {
        List<SwitchableBackend> backends = fixture.backends(1);
        SwitchableBackend n1 = backends.get(0);
        Balancer lb = fixture.balancer(backends, BalancerSettings.DEFAULTS.withBreaker(QUICK_BREAKER));

        n1.failing(true);
        for (int i = 0; i < 4; i++) {
            assertThat(fixture.get(lb, "/x").statusCode()).isEqualTo(500);
        }
        int servedBeforeOpen = n1.requests();
        HttpResponse<String> fastFail = fixture.get(lb, "/x");
        n1.failing(false);

        assertThat(fastFail.statusCode()).isEqualTo(503);
        assertThat(fastFail.body()).contains("circuit breaker of backend n1 is OPEN and does not permit further calls");
        assertThat(n1.requests()).isEqualTo(servedBeforeOpen);
        // after open-for, two probe calls succeed and the breaker closes
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> fixture.get(lb, "/x").statusCode() == 200);
        assertThat(fixture.get(lb, "/x").statusCode()).isEqualTo(200);
        assertThat(fixture.get(lb, "/x").statusCode()).isEqualTo(200);
        String metrics = fixture.metrics(lb);
        assertThat(metrics)
                .contains("balancer_breaker_transitions_total{backend=\"n1\",component=\"lb\",from=\"closed\",to=\"open\"} 1.0")
                .contains("from=\"open\",to=\"half_open\"} 1.0")
                .contains("from=\"half_open\",to=\"closed\"} 1.0")
                .contains("balancer_breaker_state{backend=\"n1\",component=\"lb\",state=\"closed\"} 1.0")
                .contains("balancer_errors_total{component=\"lb\",kind=\"breaker_open\"}");
    }

    @Test
    void roundRobinSendsEverythingToTheOtherBackendWhileOneBreakerIsOpen() throws Exception {
        List<SwitchableBackend> backends = fixture.backends(2);
        Balancer lb = fixture.balancer(backends, BalancerSettings.DEFAULTS.withBreaker(
                new BreakerSettings(true, 50, null, Double.NaN, 4, Duration.ofSeconds(30), 1)));
        backends.get(0).failing(true);

        for (int i = 0; i < 8; i++) {
            fixture.get(lb, "/x");
        }
        int n1Served = backends.get(0).requests();
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> response = fixture.get(lb, "/x");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(backendOf(response)).isEqualTo("n2");
        }

        assertThat(backends.get(0).requests()).isEqualTo(n1Served);
    }

    @Test
    void switchedOffBreakerKeepsSendingToAFailingBackend() throws Exception {
        List<SwitchableBackend> backends = fixture.backends(1);
        Balancer lb = fixture.balancer(backends, BalancerSettings.DEFAULTS.withBreaker(
                new BreakerSettings(false, 50, null, Double.NaN, 4, Duration.ofSeconds(30), 1)));
        backends.get(0).failing(true);

        for (int i = 0; i < 10; i++) {
            assertThat(fixture.get(lb, "/x").statusCode()).isEqualTo(500);
        }

        assertThat(backends.get(0).requests()).isEqualTo(10);
    }

    @Test
    void unhealthyBackendGetsNoTrafficAndComesBackWhenHealthy() throws Exception {
        List<SwitchableBackend> backends = fixture.backends(2);
        SwitchableBackend n1 = backends.get(0);
        Balancer lb = fixture.balancer(backends, BalancerSettings.DEFAULTS.withHealthCheck(
                new HealthCheckSettings(Duration.ofMillis(50), Duration.ofMillis(500), 2, 2)));

        n1.healthy(false);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !lb.isHealthy("n1"));
        int n1Served = n1.requests();
        for (int i = 0; i < 6; i++) {
            assertThat(backendOf(fixture.get(lb, "/x"))).isEqualTo("n2");
        }
        assertThat(n1.requests()).isEqualTo(n1Served);
        assertThat(fixture.metrics(lb)).contains("balancer_backend_healthy{backend=\"n1\",component=\"lb\"} 0.0");

        n1.healthy(true);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> lb.isHealthy("n1"));
        for (int i = 0; i < 4; i++) {
            fixture.get(lb, "/x");
        }
        assertThat(n1.requests()).isEqualTo(n1Served + 2);
    }

    @Test
    void healthChecksAskTheConfiguredPathInsteadOfHealth() throws Exception {
        List<SwitchableBackend> backends = fixture.backends(2);
        SwitchableBackend n1 = backends.get(0);
        Balancer lb = fixture.balancer(backends, BalancerSettings.DEFAULTS.withHealthCheck(
                new HealthCheckSettings(Duration.ofMillis(50), Duration.ofMillis(500), 2, 2, "/ready")));

        n1.failing(true); // every path but /health answers 500, so /ready fails while /health still passes
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !lb.isHealthy("n1"));
        for (int i = 0; i < 4; i++) {
            assertThat(backendOf(fixture.get(lb, "/x"))).isEqualTo("n2");
        }
        n1.failing(false);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> lb.isHealthy("n1"));
    }

    @Test
    void noHealthyBackendAnswers503NamingTheHealthChecks() throws Exception {
        List<SwitchableBackend> backends = fixture.backends(1);
        backends.get(0).healthy(false);
        Balancer lb = fixture.balancer(backends, BalancerSettings.DEFAULTS.withHealthCheck(
                new HealthCheckSettings(Duration.ofMillis(50), Duration.ofMillis(500), 1, 1)));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !lb.isHealthy("n1"));

        HttpResponse<String> response = fixture.get(lb, "/x");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("backend n1 (127.0.0.1:").contains("failed its health checks");
    }

    @Test
    void limiterAcceptsAboutRatePerSecondPerClientAnd429sTheRest() throws Exception {
        List<SwitchableBackend> backends = fixture.backends(1);
        Balancer lb = fixture.balancer(backends, BalancerSettings.DEFAULTS.withLimiter(
                new LimiterSettings(20, 5, null, 0)));

        int accepted = 0;
        int rejected = 0;
        HttpResponse<String> aRejection = null;
        long start = System.nanoTime();
        for (int i = 0; i < 400 && System.nanoTime() - start < 1_500_000_000L; i++) {
            HttpResponse<String> response = fixture.get(lb, "/x", "X-Client-Id", "c1");
            if (response.statusCode() == 200) {
                accepted++;
            } else {
                assertThat(response.statusCode()).isEqualTo(429);
                rejected++;
                aRejection = response;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        HttpResponse<String> otherClient = fixture.get(lb, "/x", "X-Client-Id", "c2");

        // a bucket of 5 that refills 20/s can never have given out more than this
        assertThat(accepted).isLessThanOrEqualTo((int) (5 + 20 * seconds) + 1);
        assertThat(accepted).isGreaterThanOrEqualTo(5);
        assertThat(rejected).isPositive();
        assertThat(aRejection.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(aRejection.headers().firstValue("RateLimit-Limit")).hasValue("5");
        assertThat(aRejection.headers().firstValue("RateLimit-Remaining")).hasValue("0");
        assertThat(aRejection.headers().firstValue("RateLimit-Reset")).isPresent();
        assertThat(aRejection.body()).contains("client c1 is over its rate limit of 20/s (burst 5)");
        assertThat(otherClient.statusCode()).isEqualTo(200);
        assertThat(fixture.metrics(lb))
                .contains("balancer_limiter_requests_total{client=\"c1\",component=\"lb\",decision=\"rejected\"} "
                        + rejected + ".0")
                .contains("balancer_limiter_requests_total{client=\"c1\",component=\"lb\",decision=\"accepted\"} "
                        + accepted + ".0");
    }
}
