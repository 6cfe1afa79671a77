package dev.faultline.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The load balancer {@code lb} in front of the store nodes (and its standby {@code lb2}, when asked for).
 *
 * @param layer        7 (HTTP reverse proxy, default) or 4 (TCP relay)
 * @param strategy     how a backend is picked; default round-robin
 * @param hashKey      for consistent-hash: {@code header:NAME}, {@code cookie:NAME} or {@code ip}; default
 *                     {@code header:X-Client-Id} at layer 7, {@code ip} at layer 4
 * @param virtualNodes points per backend on the hash ring; default 160
 * @param healthCheck  active health checks; absent: none
 * @param standby      true: a standby balancer {@code lb2} runs beside {@code lb} and takes over the service port
 *                     when {@code lb}'s process dies; default false
 */
public record BalancerSpec(Integer layer, Strategy strategy, String hashKey, Integer virtualNodes,
        HealthCheckSpec healthCheck, Boolean standby) {
    public static final BalancerSpec DEFAULTS = new BalancerSpec(7, Strategy.ROUND_ROBIN);
    private static final Pattern HASH_KEY = Pattern.compile("ip|(header|cookie):[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /** How the balancer picks a backend for a request. */
    public enum Strategy {
        @JsonProperty("round-robin") ROUND_ROBIN,
        @JsonProperty("least-connections") LEAST_CONNECTIONS,
        @JsonProperty("consistent-hash") CONSISTENT_HASH
    }

    public BalancerSpec {
        layer = layer == null ? 7 : layer;
        strategy = strategy == null ? Strategy.ROUND_ROBIN : strategy;
        virtualNodes = virtualNodes == null ? 160 : virtualNodes;
        standby = standby != null && standby;
        if (layer != 7 && layer != 4) {
            throw new IllegalArgumentException("layer must be 7 (HTTP) or 4 (TCP), not " + layer);
        }
        if (hashKey != null && !HASH_KEY.matcher(hashKey).matches()) {
            throw new IllegalArgumentException("hash-key must be \"header:NAME\", \"cookie:NAME\" or \"ip\", not \""
                    + hashKey + "\"");
        }
        if (hashKey != null && strategy != Strategy.CONSISTENT_HASH) {
            throw new IllegalArgumentException("hash-key is read only by strategy consistent-hash, but the strategy is "
                    + strategy.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        if (layer == 4 && hashKey != null && !hashKey.equals("ip")) {
            throw new IllegalArgumentException("at layer 4 the balancer sees no headers or cookies: hash-key must be "
                    + "\"ip\", not \"" + hashKey + "\"");
        }
        if (virtualNodes < 1 || virtualNodes > 10_000) {
            throw new IllegalArgumentException("virtual-nodes must lie between 1 and 10000, not " + virtualNodes);
        }
    }

    /** A balancer with the given layer and strategy and every other key at its default. */
    public BalancerSpec(Integer layer, Strategy strategy) {
        this(layer, strategy, null, null, null, null);
    }

    /** A balancer without a standby. */
    public BalancerSpec(Integer layer, Strategy strategy, String hashKey, Integer virtualNodes,
            HealthCheckSpec healthCheck) {
        this(layer, strategy, hashKey, virtualNodes, healthCheck, null);
    }

    /**
     * Active health checks: {@code GET <path>} on each backend every {@code interval}; a backend that fails
     * {@code unhealthy-after} checks in a row gets no traffic until it passes {@code healthy-after} in a row.
     *
     * @param path    the path asked; absent: {@code /health} for the store nodes, the ready path for a command's nodes
     * @param enabled false: no health checks (for a command's nodes, which have them by default); default true
     */
    public record HealthCheckSpec(Duration interval, Duration timeout, Integer unhealthyAfter, Integer healthyAfter,
            String path, Boolean enabled) {
        public HealthCheckSpec {
            interval = interval == null ? Duration.ofMillis(500) : interval;
            timeout = timeout == null ? Duration.ofMillis(200) : timeout;
            unhealthyAfter = unhealthyAfter == null ? 2 : unhealthyAfter;
            healthyAfter = healthyAfter == null ? 2 : healthyAfter;
            enabled = enabled == null || enabled;
            if (interval.isZero()) {
                throw new IllegalArgumentException("interval must be longer than 0");
            }
            if (timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be longer than 0");
            }
            if (unhealthyAfter < 1) {
                throw new IllegalArgumentException("unhealthy-after must be at least 1, not " + unhealthyAfter);
            }
            if (healthyAfter < 1) {
                throw new IllegalArgumentException("healthy-after must be at least 1, not " + healthyAfter);
            }
            if (path != null && (!path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ' || c == 127))) {
                throw new IllegalArgumentException("path must start with '/' and hold no spaces, not '" + path + "'");
            }
        }

        /** Checks of the default path. */
        public HealthCheckSpec(Duration interval, Duration timeout, Integer unhealthyAfter, Integer healthyAfter) {
            this(interval, timeout, unhealthyAfter, healthyAfter, null, null);
        }
    }
}
