package dev.faultline.load;

/**
 * What the load generator did overall. {@code sent} counts arrivals that went out, {@code dropped} arrivals that could
 * not be sent because {@code max-in-flight} requests were outstanding, {@code completed} requests that ended (with a
 * response or an error). Rates are per second over the load's duration.
 */
public record LoadSummary(
        String model, double targetRate, double achievedRate, long sent, long completed, long dropped, long durationMs) {
}
