package dev.faultline.cluster.balancer;

import java.time.Duration;

/**
 * Active health checks: every {@code interval} the balancer asks each backend {@code GET /health}; a backend
 * that fails (no 2xx within {@code timeout}) {@code unhealthyAfter} times in a row gets no more traffic until it
 * passes {@code healthyAfter} checks in a row.
 */
public record HealthCheckSettings(Duration interval, Duration timeout, int unhealthyAfter, int healthyAfter) {
    public static final HealthCheckSettings DEFAULTS =
            new HealthCheckSettings(Duration.ofMillis(500), Duration.ofMillis(200), 2, 2);

    public HealthCheckSettings {
        interval = Settings.positive("interval", interval == null ? DEFAULTS.interval() : interval);
        timeout = Settings.positive("timeout", timeout == null ? DEFAULTS.timeout() : timeout);
        Settings.atLeast("unhealthyAfter", unhealthyAfter, 1);
        Settings.atLeast("healthyAfter", healthyAfter, 1);
    }
}
