package dev.faultline.cluster.balancer;

import dev.faultline.cluster.http.ConfigNames;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How to start one balancer.
 *
 * @param name           e.g. {@code lb}
 * @param host           the address to listen on, e.g. {@code 127.0.0.1}
 * @param port           the port to listen on; 0 picks a free port
 * @param backends       at least one, with distinct names; requests go to them round-robin
 * @param backendTimeout how long a backend may take to accept and answer a request before the client gets 504;
 *                       {@link #DEFAULT_BACKEND_TIMEOUT} if null
 * @param metricsPort    where {@code GET /metrics} (Prometheus text) is served on {@code host}; 0 picks a free port
 * @param settings       layer, strategy, health checks, breakers and limits; {@link BalancerSettings#DEFAULTS} if null
 */
public record BalancerConfig(String name, String host, int port, List<Backend> backends, Duration backendTimeout,
        int metricsPort, BalancerSettings settings) {
    public static final Duration DEFAULT_BACKEND_TIMEOUT = Duration.ofSeconds(10);

    public BalancerConfig {
        ConfigNames.requireName("name", name);
        ConfigNames.requireHost(host);
        ConfigNames.requirePort(port);
        if (backends == null || backends.isEmpty()) {
            throw new IllegalArgumentException("balancer '" + name + "' needs at least one backend in 'backends'");
        }
        backends = List.copyOf(backends);
        Set<String> names = new HashSet<>();
        for (Backend backend : backends) {
            if (!names.add(backend.name())) {
                throw new IllegalArgumentException("balancer '" + name + "' has two backends named '"
                        + backend.name() + "'; backend names must be distinct");
            }
        }
        if (backendTimeout == null) {
            backendTimeout = DEFAULT_BACKEND_TIMEOUT;
        }
        if (backendTimeout.isZero() || backendTimeout.isNegative()) {
            throw new IllegalArgumentException("'backendTimeout' must be longer than 0, but is " + backendTimeout);
        }
        if (metricsPort < 0 || metricsPort > 65_535) {
            throw new IllegalArgumentException("'metricsPort' must be between 0 and 65535 (0 picks a free port), but is "
                    + metricsPort);
        }
        settings = settings == null ? BalancerSettings.DEFAULTS : settings;
    }

    /** A layer 7 round-robin balancer without health checks, breakers or limits, metrics on a free port. */
    public BalancerConfig(String name, String host, int port, List<Backend> backends, Duration backendTimeout) {
        this(name, host, port, backends, backendTimeout, 0, null);
    }

    /** A balancer named {@code name} on 127.0.0.1 at a free port, with the default backend timeout. */
    public static BalancerConfig local(String name, List<Backend> backends) {
        return new BalancerConfig(name, "127.0.0.1", 0, backends, null);
    }

    /** A copy with another backend timeout. */
    public BalancerConfig withBackendTimeout(Duration timeout) {
        return new BalancerConfig(name, host, port, backends, timeout, metricsPort, settings);
    }

    /** A copy with other settings. */
    public BalancerConfig withSettings(BalancerSettings newSettings) {
        return new BalancerConfig(name, host, port, backends, backendTimeout, metricsPort, newSettings);
    }
}
