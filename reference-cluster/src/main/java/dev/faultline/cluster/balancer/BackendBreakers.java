package dev.faultline.cluster.balancer;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes the Resilience4j circuit breaker of one backend from the settings; state changes are logged. */
final class BackendBreakers {
    private static final Logger LOG = LoggerFactory.getLogger(BackendBreakers.class);
    /** With no slow-call threshold set, no call ever counts as slow. */
    private static final Duration NEVER_SLOW = Duration.ofDays(365);

    private BackendBreakers() {
    }

    /**
     * The breaker of {@code backend} of balancer {@code balancer}, or null when the balancer has no breakers. A breaker
     * whose settings say {@code enabled: false} (a seeded defect) is in Resilience4j's DISABLED state: it permits
     * every call and never opens, and its state is still exported, so a check sees it never open.
     */
    static CircuitBreaker create(String balancer, Backend backend, BreakerSettings settings, Clock clock) {
        if (settings == null) {
            return null;
        }
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.window())
                .minimumNumberOfCalls(settings.window())
                .failureRateThreshold((float) settings.failureRatePercent())
                .slowCallDurationThreshold(settings.slowCall() == null ? NEVER_SLOW : settings.slowCall())
                .slowCallRateThreshold((float) settings.slowCallRatePercent())
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
                .recordExceptions(Throwable.class)
                .clock(clock)
                .build();
        CircuitBreaker breaker = CircuitBreaker.of(balancer + "->" + backend.name(), config);
        breaker.getEventPublisher().onStateTransition(event -> LOG.info("{}: circuit breaker of {} went {}",
                balancer, backend.describe(), event.getStateTransition()));
        if (!settings.enabled()) {
            breaker.transitionToDisabledState();
        }
        return breaker;
    }
}
