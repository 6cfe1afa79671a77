package dev.faultline.cluster.balancer;

import java.time.Duration;

/**
 * Active health checks: every {@code interval} the balancer asks each backend {@code GET <path>}; a backend
 * that fails (no 2xx within {@code timeout}) {@code unhealthyAfter} times in a row gets no more traffic until it
 * passes {@code healthyAfter} checks in a row.
 *
 * @param path the path asked, starting with {@code /}; {@link #DEFAULT_PATH} if null (what the store nodes answer)
 */
public record HealthCheckSettings(Duration interval, Duration timeout, int unhealthyAfter, int healthyAfter,
        String path) {
    /** The path the reference cluster's store nodes answer. */
    public static final String DEFAULT_PATH = "/health";
    public static final HealthCheckSettings DEFAULTS =
            new HealthCheckSettings(Duration.ofMillis(500), Duration.ofMillis(200), 2, 2);

    public HealthCheckSettings {
        interval = Settings.positive("interval", interval == null ? Duration.ofMillis(500) : interval);
        timeout = Settings.positive("timeout", timeout == null ? Duration.ofMillis(200) : timeout);
        Settings.atLeast("unhealthyAfter", unhealthyAfter, 1);
        Settings.atLeast("healthyAfter", healthyAfter, 1);
        path = path == null ? DEFAULT_PATH : path;
        if (!path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ' || c == 127)) {
            throw new IllegalArgumentException("'path' must start with '/' and hold no spaces or control characters, "
                    + "but is '" + path + "'");
        }
    }

    /** Checks of {@link #DEFAULT_PATH}. */
    public HealthCheckSettings(Duration interval, Duration timeout, int unhealthyAfter, int healthyAfter) {
        this(interval, timeout, unhealthyAfter, healthyAfter, null);
    }

    /** A copy that asks {@code newPath}. */
    public HealthCheckSettings withPath(String newPath) {
        return new HealthCheckSettings(interval, timeout, unhealthyAfter, healthyAfter, newPath);
    }
}
