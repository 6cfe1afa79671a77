package dev.faultline.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The balancer's plan keys: target.cluster.balancer, .breaker and .limiter. */
class BalancerPlanTest {
    private final PlanParser parser = new PlanParser();

    private Problem onlyProblemOf(String name) {
        Path file = Path.of("src/test/resources/plans/balancer").resolve(name);
        PlanException e = catchThrowableOfType(PlanException.class, () -> parser.parse(file));
        assertThat(e).as("%s should not parse", name).isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    @Test
    void everyBalancerBreakerAndLimiterKeyParses() throws PlanException {
        ClusterSpec cluster = parser.parse(Path.of("src/test/resources/plans/good/balancer.yaml")).target().cluster();

        assertThat(cluster.balancer()).isEqualTo(new BalancerSpec(7, BalancerSpec.Strategy.CONSISTENT_HASH,
                "cookie:session", 64, new BalancerSpec.HealthCheckSpec(Duration.ofMillis(250), Duration.ofMillis(100), 3, 1)));
        assertThat(cluster.breaker()).isEqualTo(new BreakerSpec(true, new Percentage(40), Duration.ofMillis(200),
                new Percentage(40), 10, Duration.ofSeconds(2), 2));
        assertThat(cluster.limiter()).isEqualTo(new LimiterSpec(new Rate(200), 50, "header:X-Tenant", new Rate(1000)));
    }

    @Test
    void absentBreakerAndLimiterMeanNone() throws PlanException {
        ClusterSpec cluster = parser.parse(Path.of("src/test/resources/plans/good/minimal.yaml")).target().cluster();

        assertThat(cluster.breaker()).isNull();
        assertThat(cluster.limiter()).isNull();
        assertThat(cluster.balancer()).isEqualTo(BalancerSpec.DEFAULTS);
    }

    @Test
    void aStandbyBalancerIsAComponentWithItsOwnLinksToEveryNode() throws PlanException {
        ClusterSpec cluster = parser.parse(Path.of("src/test/resources/plans/good/standby.yaml")).target().cluster();

        assertThat(cluster.balancer().standby()).isTrue();
        assertThat(cluster.components()).containsExactly("n1", "n2", "lb", "lb2");
        assertThat(cluster.links()).containsExactly("client->lb", "lb->n1", "lb->n2", "lb2->n1", "lb2->n2",
                "n1->n2", "n2->n1");
    }

    @Test
    void withoutStandbyThereIsNoSecondBalancer() throws PlanException {
        ClusterSpec cluster = parser.parse(Path.of("src/test/resources/plans/good/minimal.yaml")).target().cluster();

        assertThat(cluster.balancer().standby()).isFalse();
        assertThat(cluster.components()).doesNotContain("lb2");
        assertThat(cluster.links()).noneMatch(link -> link.startsWith("lb2->"));
    }

    @Test
    void limiterBurstDefaultsToOneSecondOfRate() {
        assertThat(new LimiterSpec(new Rate(30), null, null, null).burst()).isEqualTo(30);
    }

    @Test
    void layerFourWithAHeaderHashKeyIsRefused() {
        Problem p = onlyProblemOf("layer4-header-hash.yaml");

        assertThat(p.line()).isEqualTo(4);
        assertThat(p.path()).isEqualTo("target.cluster.balancer");
        assertThat(p.message()).isEqualTo(
                "at layer 4 the balancer sees no headers or cookies: hash-key must be \"ip\", not \"header:X-Client-Id\"");
    }

    @Test
    void breakerWindowOfZeroIsRefused() {
        Problem p = onlyProblemOf("breaker-window.yaml");

        assertThat(p.line()).isEqualTo(4);
        assertThat(p.path()).isEqualTo("target.cluster.breaker");
        assertThat(p.message()).isEqualTo("window must be at least 1 call, not 0");
    }

    @Test
    void misspelledLimiterKeyNamesTheNearestKnownKey() {
        Problem p = onlyProblemOf("limiter-misspelled.yaml");

        assertThat(p.path()).isEqualTo("target.cluster.limiter");
        assertThat(p.message()).isEqualTo("unknown key 'brust'");
        assertThat(p.hint()).startsWith("did you mean 'burst'?");
    }

    @Test
    void layerFourLimiterKeyedByHeaderIsRefused() {
        Problem p = onlyProblemOf("layer4-limiter-header.yaml");

        assertThat(p.path()).isEqualTo("target.cluster");
        assertThat(p.message()).contains("limiter.key must be \"ip\"");
    }
}
