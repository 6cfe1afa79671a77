package dev.faultline.plan;

import java.time.Duration;

/**
 * The circuit breaker the balancer keeps per store node ({@code target.cluster.breaker}). Over the node's last
 * {@code window} calls, the breaker opens when at least {@code failure-rate} failed (5xx, 502, 504) or at least
 * {@code slow-call-rate} took longer than {@code slow-call}; while open the node gets no requests; after
 * {@code open-for} it lets {@code half-open-calls} probes through and closes if they do well.
 *
 * @param enabled      default true; false keeps the settings but switches breaking off
 * @param slowCall     absent: no call counts as slow
 * @param slowCallRate absent: the same as failure-rate
 */
public record BreakerSpec(Boolean enabled, Percentage failureRate, Duration slowCall, Percentage slowCallRate,
        Integer window, Duration openFor, Integer halfOpenCalls) {

    public BreakerSpec {
        enabled = enabled == null ? Boolean.TRUE : enabled;
        failureRate = failureRate == null ? new Percentage(50) : failureRate;
        slowCallRate = slowCallRate == null ? failureRate : slowCallRate;
        window = window == null ? 20 : window;
        openFor = openFor == null ? Duration.ofSeconds(5) : openFor;
        halfOpenCalls = halfOpenCalls == null ? 3 : halfOpenCalls;
        if (failureRate.percent() == 0) {
            throw new IllegalArgumentException("failure-rate must be above 0%");
        }
        if (slowCallRate.percent() == 0) {
            throw new IllegalArgumentException("slow-call-rate must be above 0%");
        }
        if (slowCall != null && slowCall.isZero()) {
            throw new IllegalArgumentException("slow-call must be longer than 0");
        }
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1 call, not " + window);
        }
        if (openFor.isZero()) {
            throw new IllegalArgumentException("open-for must be longer than 0");
        }
        if (halfOpenCalls < 1) {
            throw new IllegalArgumentException("half-open-calls must be at least 1, not " + halfOpenCalls);
        }
    }
}
