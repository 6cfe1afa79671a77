package dev.faultline.cluster.balancer;

import java.time.Duration;

/**
 * How a balancer balances, beyond where it listens and what its backends are.
 *
 * @param layer             7: an HTTP/1.1 reverse proxy; 4: a TCP relay (one backend per connection)
 * @param strategy          how a backend is picked
 * @param hashKey           for {@link Strategy#CONSISTENT_HASH}: {@code header:NAME}, {@code cookie:NAME} or
 *                          {@code ip} (layer 4 only hashes {@code ip}); default {@code header:X-Client-Id} at
 *                          layer 7, {@code ip} at layer 4
 * @param virtualNodes      points per backend on the hash ring
 * @param healthCheck       null: no active health checks (every backend counts as healthy)
 * @param breaker           null: no circuit breakers
 * @param limiter           null: no rate limiting
 * @param clientIdleTimeout a client connection that sends nothing this long is closed (408 if it stopped in the
 *                          middle of a request)
 * @param standby           true: the balancer is one of a primary/standby pair sharing one service port; when the
 *                          port is taken at start it waits as the standby and binds the port once it is free (the
 *                          other balancer's process died), see {@link ServicePort}; false: a taken port fails the start
 */
public record BalancerSettings(int layer, Strategy strategy, String hashKey, int virtualNodes,
        HealthCheckSettings healthCheck, BreakerSettings breaker, LimiterSettings limiter,
        Duration clientIdleTimeout, boolean standby) {
    public static final int DEFAULT_VIRTUAL_NODES = 160;
    public static final Duration DEFAULT_CLIENT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    /** Layer 7, round-robin, no health checks, breakers or limits: the walking skeleton's balancer. */
    public static final BalancerSettings DEFAULTS =
            new BalancerSettings(7, Strategy.ROUND_ROBIN, null, DEFAULT_VIRTUAL_NODES, null, null, null, null, false);

    public BalancerSettings {
        if (layer != 7 && layer != 4) {
            throw new IllegalArgumentException("'layer' must be 7 (HTTP) or 4 (TCP), but is " + layer);
        }
        strategy = strategy == null ? Strategy.ROUND_ROBIN : strategy;
        hashKey = hashKey == null ? (layer == 4 ? "ip" : LimiterSettings.DEFAULT_KEY) : hashKey;
        ClientKey.parse(hashKey);
        if (layer == 4 && !hashKey.equals("ip")) {
            throw new IllegalArgumentException("'hashKey' must be 'ip' at layer 4 (a TCP relay sees no headers or "
                    + "cookies), but is '" + hashKey + "'");
        }
        Settings.atLeast("virtualNodes", virtualNodes, 1);
        if (virtualNodes > 10_000) {
            throw new IllegalArgumentException("'virtualNodes' must be at most 10000, but is " + virtualNodes);
        }
        if (layer == 4 && limiter != null && !limiter.key().equals("ip")) {
            throw new IllegalArgumentException("the limiter's 'key' must be 'ip' at layer 4 (a TCP relay sees no "
                    + "headers or cookies), but is '" + limiter.key() + "'");
        }
        clientIdleTimeout = Settings.positive("clientIdleTimeout",
                clientIdleTimeout == null ? DEFAULT_CLIENT_IDLE_TIMEOUT : clientIdleTimeout);
    }

    /** Settings of a balancer that is not part of a primary/standby pair. */
    public BalancerSettings(int layer, Strategy strategy, String hashKey, int virtualNodes,
            HealthCheckSettings healthCheck, BreakerSettings breaker, LimiterSettings limiter,
            Duration clientIdleTimeout) {
        this(layer, strategy, hashKey, virtualNodes, healthCheck, breaker, limiter, clientIdleTimeout, false);
    }

    public BalancerSettings withLayer(int newLayer) {
        return new BalancerSettings(newLayer, strategy, newLayer == layer ? hashKey : null, virtualNodes,
                healthCheck, breaker, limiter, clientIdleTimeout, standby);
    }

    public BalancerSettings withStrategy(Strategy newStrategy, String newHashKey) {
        return new BalancerSettings(layer, newStrategy, newHashKey, virtualNodes, healthCheck, breaker, limiter,
                clientIdleTimeout, standby);
    }

    public BalancerSettings withHealthCheck(HealthCheckSettings settings) {
        return new BalancerSettings(layer, strategy, hashKey, virtualNodes, settings, breaker, limiter,
                clientIdleTimeout, standby);
    }

    public BalancerSettings withBreaker(BreakerSettings settings) {
        return new BalancerSettings(layer, strategy, hashKey, virtualNodes, healthCheck, settings, limiter,
                clientIdleTimeout, standby);
    }

    public BalancerSettings withLimiter(LimiterSettings settings) {
        return new BalancerSettings(layer, strategy, hashKey, virtualNodes, healthCheck, breaker, settings,
                clientIdleTimeout, standby);
    }

    public BalancerSettings withClientIdleTimeout(Duration timeout) {
        return new BalancerSettings(layer, strategy, hashKey, virtualNodes, healthCheck, breaker, limiter, timeout,
                standby);
    }

    /** A copy that is (or is not) one of a primary/standby pair. */
    public BalancerSettings withStandby(boolean newStandby) {
        return new BalancerSettings(layer, strategy, hashKey, virtualNodes, healthCheck, breaker, limiter,
                clientIdleTimeout, newStandby);
    }
}
