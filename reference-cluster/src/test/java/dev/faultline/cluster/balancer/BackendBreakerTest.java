package dev.faultline.cluster.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackendBreakerTest {
    private final MutableClock clock = new MutableClock();
    private final Backend n1 = new Backend("n1", new InetSocketAddress("127.0.0.1", 1));

    private BackendState withBreaker(BreakerSettings settings) {
        return new BackendState(n1, BackendBreakers.create("lb", n1, settings, clock));
    }

    private static void call(BackendState state, boolean failed, Duration took) {
        assertThat(state.tryAcquire()).isTrue();
        state.started();
        state.finished(failed, took.toNanos());
    }

    private static final BreakerSettings FOUR_CALLS =
            new BreakerSettings(true, 50, null, Double.NaN, 4, Duration.ofSeconds(2), 2);

    @Test
    void breakerOpensWhenTheFailureRateOfTheWindowReachesTheThreshold() {
        BackendState state = withBreaker(FOUR_CALLS);

        call(state, false, Duration.ofMillis(1));
        call(state, true, Duration.ofMillis(1));
        call(state, false, Duration.ofMillis(1));
        call(state, true, Duration.ofMillis(1));

        assertThat(state.tryAcquire()).isFalse();
        assertThat(state.refusal()).isEqualTo("circuit breaker of backend n1 is OPEN and does not permit further calls");
    }

    @Test
    void openBreakerLetsProbesThroughAfterOpenForAndClosesWhenTheyPass() {
        BackendState state = withBreaker(FOUR_CALLS);
        for (int i = 0; i < 4; i++) {
            call(state, true, Duration.ofMillis(1));
        }
        assertThat(state.tryAcquire()).isFalse();

        clock.advance(Duration.ofMillis(2_001));
        call(state, false, Duration.ofMillis(1));
        assertThat(state.refusal()).contains("HALF_OPEN");
        call(state, false, Duration.ofMillis(1));

        assertThat(state.refusal()).isNull();
        assertThat(state.tryAcquire()).isTrue();
    }

    @Test
    void failedProbesOpenTheBreakerAgain() {
        BackendState state = withBreaker(FOUR_CALLS);
        for (int i = 0; i < 4; i++) {
            call(state, true, Duration.ofMillis(1));
        }
        clock.advance(Duration.ofSeconds(3));

        call(state, true, Duration.ofMillis(1));
        call(state, true, Duration.ofMillis(1));

        assertThat(state.refusal()).contains("is OPEN");
    }

    @Test
    void slowCallsOpenTheBreakerWhenASlowCallThresholdIsSet() {
        BackendState state = withBreaker(
                new BreakerSettings(true, 50, Duration.ofMillis(100), 75, 4, Duration.ofSeconds(2), 1));

        call(state, false, Duration.ofMillis(150));
        call(state, false, Duration.ofMillis(200));
        call(state, false, Duration.ofMillis(5));
        call(state, false, Duration.ofMillis(300));

        assertThat(state.refusal()).contains("is OPEN");
    }

    @Test
    void disabledBreakerNeverRefuses() {
        BackendState state = withBreaker(new BreakerSettings(false, 50, null, Double.NaN, 4, Duration.ofSeconds(2), 1));

        for (int i = 0; i < 20; i++) {
            call(state, true, Duration.ofMillis(1));
        }

        assertThat(state.refusal()).isNull();
    }

    @Test
    void disabledBreakerStaysInTheDisabledStateSoItsMetricsShowItNeverOpen() {
        var breaker = BackendBreakers.create("lb", n1,
                new BreakerSettings(false, 50, null, Double.NaN, 4, Duration.ofSeconds(2), 1), clock);
        BackendState state = new BackendState(n1, breaker);

        for (int i = 0; i < 20; i++) {
            call(state, true, Duration.ofMillis(1));
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.DISABLED);
    }

    @Test
    void noBreakerSettingsMeansNoBreaker() {
        assertThat(BackendBreakers.create("lb", n1, null, clock)).isNull();
    }
}
