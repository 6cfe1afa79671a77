package dev.faultline.cluster.balancer;

import java.time.Duration;

/**
 * A circuit breaker per backend over a count-based sliding window of its last {@code window} calls. The breaker
 * opens when at least {@code failureRatePercent} of them failed (a 5xx, a 502/504 of the balancer) or at least
 * {@code slowCallRatePercent} took longer than {@code slowCall}; while open the backend gets no requests; after
 * {@code openFor} it lets {@code halfOpenCalls} probe calls through and closes again if they do well.
 *
 * @param enabled false switches the breaker off: every backend always gets its requests
 * @param slowCall a call longer than this is slow; null: no call counts as slow
 * @param slowCallRatePercent NaN (or absent in JSON): the same as {@code failureRatePercent}
 */
public record BreakerSettings(boolean enabled, double failureRatePercent, Duration slowCall,
        double slowCallRatePercent, int window, Duration openFor, int halfOpenCalls) {
    public static final BreakerSettings DEFAULTS =
            new BreakerSettings(true, 50, null, Double.NaN, 20, Duration.ofSeconds(5), 3);

    public BreakerSettings {
        Settings.percent("failureRatePercent", failureRatePercent);
        if (slowCall != null) {
            Settings.positive("slowCall", slowCall);
        }
        slowCallRatePercent = Double.isNaN(slowCallRatePercent) ? failureRatePercent : slowCallRatePercent;
        Settings.percent("slowCallRatePercent", slowCallRatePercent);
        Settings.atLeast("window", window, 1);
        openFor = Settings.positive("openFor", openFor == null ? DEFAULTS.openFor() : openFor);
        Settings.atLeast("halfOpenCalls", halfOpenCalls, 1);
    }
}
