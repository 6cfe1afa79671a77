package dev.faultline.cluster.balancer;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the balancer exports on {@code /metrics}: requests and their latency by backend and status class, errors
 * by kind, active client connections, per backend the requests in flight, health and breaker state and
 * transitions, and the limiter's decisions per client (the first {@value #MAX_CLIENT_TAGS} clients by name, the
 * rest together as {@code other}, so many clients cannot grow the registry without bound), and whether the
 * balancer serves its port or waits as the standby, with its takeovers.
 */
final class BalancerMetrics {
    static final int MAX_CLIENT_TAGS = 1000;
    static final String NO_BACKEND = "none";

    private final MeterRegistry registry;
    private final AtomicInteger activeConnections = new AtomicInteger();
    private final Counter takeovers;
    private final Map<String, Timer[]> requestTimers = new ConcurrentHashMap<>();
    private final Map<String, Counter> errors = new ConcurrentHashMap<>();
    private final Map<String, Counter> limiterDecisions = new ConcurrentHashMap<>();
    private final Map<String, String> clientTags = new ConcurrentHashMap<>();

    BalancerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.takeovers = Counter.builder("balancer.takeovers")
                .description("Times this balancer, as the standby, took over the service port")
                .register(registry);
        Gauge.builder("balancer.connections.active", activeConnections, AtomicInteger::get)
                .description("Client connections open to the balancer")
                .register(registry);
    }

    /** Exports whether the balancer serves its port (1) or waits as the standby (0). */
    void servicePort(ServicePort port) {
        Gauge.builder("balancer.active", port, p -> p.active() ? 1 : 0)
                .description("1 while the balancer serves its service port, 0 while it waits as the standby")
                .register(registry);
    }

    /** One takeover of the service port by this balancer as the standby. */
    void tookOver() {
        takeovers.increment();
    }

    MeterRegistry registry() {
        return registry;
    }

    void connectionOpened() {
        activeConnections.incrementAndGet();
    }

    void connectionClosed() {
        activeConnections.decrementAndGet();
    }

    /** One answered request (layer 7) or one finished connection (layer 4, {@code status} 0). */
    void request(String backend, int status, long nanos) {
        int statusClass = Math.min(Math.max(status / 100, 0), 9);
        Timer[] timers = requestTimers.computeIfAbsent(backend, b -> new Timer[10]);
        Timer timer = timers[statusClass];
        if (timer == null) {
            timer = Timer.builder("balancer.requests")
                    .description("Requests answered by the balancer (layer 4: connections relayed), by backend and status class")
                    .tags("backend", backend, "status", statusClass == 0 ? "tcp" : statusClass + "xx")
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofSeconds(30))
                    .register(registry);
            // registering again returns the same timer, so a race here only costs a lookup
            timers[statusClass] = timer;
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** One error, by kind, e.g. {@code bad_gateway}, {@code breaker_open}, {@code rate_limited}. */
    void error(String kind) {
        errors.computeIfAbsent(kind, k -> Counter.builder("balancer.errors")
                .description("Requests or connections the balancer could not serve, by kind")
                .tag("kind", k)
                .register(registry)).increment();
    }

    /** One decision of the rate limiter for {@code client}. */
    void limiterDecision(String client, boolean accepted) {
        String tag = clientTags.get(client);
        if (tag == null) {
            tag = clientTags.size() < MAX_CLIENT_TAGS ? clientTags.computeIfAbsent(client, c -> c) : "other";
        }
        String clientTag = tag;
        String decision = accepted ? "accepted" : "rejected";
        limiterDecisions.computeIfAbsent(clientTag + ' ' + decision, key -> Counter.builder("balancer.limiter.requests")
                        .description("Rate limiter decisions per client")
                        .tags("client", clientTag, "decision", decision)
                        .register(registry))
                .increment();
    }

    /** Exports a backend's requests in flight and health. */
    void backend(BackendState state) {
        Gauge.builder("balancer.backend.in.flight", state, BackendState::inFlight)
                .description("Requests (layer 4: connections) in progress at the backend")
                .tag("backend", state.backend().name())
                .register(registry);
        Gauge.builder("balancer.backend.healthy", state, s -> s.healthy() ? 1 : 0)
                .description("1 if the backend passes its health checks (or none are made), else 0")
                .tag("backend", state.backend().name())
                .register(registry);
    }

    /** Exports a breaker's state (one series per state, 1 for the current one) and counts its transitions. */
    void breaker(String backend, CircuitBreaker breaker) {
        for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
            Gauge.builder("balancer.breaker.state", breaker, b -> b.getState() == state ? 1 : 0)
                    .description("Circuit breaker state of the backend: 1 for the current state")
                    .tags("backend", backend, "state", state.name().toLowerCase(java.util.Locale.ROOT))
                    .register(registry);
        }
        breaker.getEventPublisher().onStateTransition(event -> Counter.builder("balancer.breaker.transitions")
                .description("Circuit breaker state changes of the backend")
                .tags("backend", backend,
                        "from", event.getStateTransition().getFromState().name().toLowerCase(java.util.Locale.ROOT),
                        "to", event.getStateTransition().getToState().name().toLowerCase(java.util.Locale.ROOT))
                .register(registry)
                .increment());
    }
}
