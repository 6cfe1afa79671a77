package dev.faultline.cluster.balancer;

import io.netty.handler.codec.http.HttpRequest;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides, for one request (layer 4: one connection), whether the client may go on (the rate limiter) and which
 * backend serves it (the strategy over the healthy backends whose breakers permit a call). Shared by all
 * connections of a balancer.
 */
final class Routing {
    private final List<BackendState> backends;
    private final BackendSelector selector;
    private final ClientKey hashKey;
    private final ClientRateLimiter limiter;
    private final ClientKey limiterKey;
    private final BalancerMetrics metrics;

    /** @param limiter null: no rate limiting */
    Routing(List<BackendState> backends, BackendSelector selector, ClientKey hashKey, ClientRateLimiter limiter,
            ClientKey limiterKey, BalancerMetrics metrics) {
        this.backends = List.copyOf(backends);
        this.selector = selector;
        this.hashKey = hashKey;
        this.limiter = limiter;
        this.limiterKey = limiterKey;
        this.metrics = metrics;
    }

    BalancerMetrics metrics() {
        return metrics;
    }

    /** The limiter's refusal of this request, or null if it may go on (or nothing limits it). */
    ClientRateLimiter.Decision refusedByLimiter(HttpRequest request, SocketAddress client) {
        if (limiter == null) {
            return null;
        }
        return refused(limiter.tryAcquire(limiterKey.of(request, client)));
    }

    /** The limiter's refusal of a new connection from {@code client} (layer 4, keyed by address), or null. */
    ClientRateLimiter.Decision refusedByLimiter(SocketAddress client) {
        if (limiter == null) {
            return null;
        }
        return refused(limiter.tryAcquire(ClientKey.address(client)));
    }

    private ClientRateLimiter.Decision refused(ClientRateLimiter.Decision decision) {
        metrics.limiterDecision(decision.client(), decision.accepted());
        if (decision.accepted()) {
            return null;
        }
        metrics.error("rate_limited");
        return decision;
    }

    /**
     * The backend for this request, already counted as started (see {@link BackendState#tryAcquire()}), or null
     * when no backend can take it: then {@link #refusal()} says why.
     */
    BackendState choose(HttpRequest request, SocketAddress client) {
        return started(selector.select(selector.usesKey() ? hashKey.of(request, client) : null));
    }

    /** The backend for a new connection from {@code client} (layer 4), or null. */
    BackendState choose(SocketAddress client) {
        return started(selector.select(selector.usesKey() ? ClientKey.address(client) : null));
    }

    private static BackendState started(BackendState state) {
        if (state != null) {
            state.started();
        }
        return state;
    }

    /** Why no backend could take a request, naming each backend's state. */
    String refusal() {
        List<String> reasons = new ArrayList<>();
        for (BackendState state : backends) {
            String reason = state.refusal();
            if (reason != null) {
                reasons.add(reason);
            }
        }
        return reasons.isEmpty() ? "no backend could take the request" : String.join("; ", reasons);
    }

    /** The metric kind of a refusal: {@code breaker_open} if any breaker refused, else {@code no_healthy_backend}. */
    String refusalKind() {
        return refusal().contains("circuit breaker") ? "breaker_open" : "no_healthy_backend";
    }

    /** Drops idle limiter buckets; called periodically. */
    void evictIdleClients() {
        if (limiter != null) {
            limiter.evictIdle();
        }
    }
}
