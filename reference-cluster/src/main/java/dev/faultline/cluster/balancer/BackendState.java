package dev.faultline.cluster.balancer;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the balancer knows of one backend right now: its health, its circuit breaker (if any) and how many
 * requests (layer 4: connections) it has in progress.
 */
final class BackendState {
    private final Backend backend;
    private final CircuitBreaker breaker;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean healthy = true;

    /** @param breaker null when breakers are off */
    BackendState(Backend backend, CircuitBreaker breaker) {
        this.backend = backend;
        this.breaker = breaker;
    }

    Backend backend() {
        return backend;
    }

    boolean healthy() {
        return healthy;
    }

    void healthy(boolean nowHealthy) {
        healthy = nowHealthy;
    }

    int inFlight() {
        return inFlight.get();
    }

    /**
     * True if the backend may take one more request now: it is healthy and its breaker permits a call. A true
     * answer takes one call permit of the breaker, so it must be followed by {@link #started()} and
     * {@link #finished}.
     */
    boolean tryAcquire() {
        return healthy && (breaker == null || breaker.tryAcquirePermission());
    }

    void started() {
        inFlight.incrementAndGet();
    }

    /** Records the outcome of a call begun with {@link #tryAcquire()} and {@link #started()}, and ends it. */
    void finished(boolean failed, long nanos) {
        record(failed, nanos);
        ended();
    }

    /** A call begun with {@link #started()} is over (its outcome recorded already). */
    void ended() {
        inFlight.decrementAndGet();
    }

    /** Tells the breaker how a call went. */
    void record(boolean failed, long nanos) {
        if (breaker == null) {
            return;
        }
        if (failed) {
            breaker.onError(nanos, TimeUnit.NANOSECONDS, new BackendCallFailed(backend));
        } else {
            breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Why the backend cannot take a request now, or null if it can. Takes no permit. */
    String refusal() {
        if (!healthy) {
            return backend.describe() + " failed its health checks";
        }
        if (breaker != null && breaker.getState() != CircuitBreaker.State.CLOSED
                && breaker.getState() != CircuitBreaker.State.DISABLED) {
            return "circuit breaker of backend " + backend.name() + " is " + breaker.getState()
                    + " and does not permit further calls";
        }
        return null;
    }

    /** Recorded with the breaker for a failed call; never thrown. */
    static final class BackendCallFailed extends Exception {
        private static final long serialVersionUID = 1L;

        BackendCallFailed(Backend backend) {
            super(backend.describe() + " failed a call", null, false, false);
        }
    }
}
