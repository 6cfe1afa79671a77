package dev.faultline.cluster.balancer;

/**
 * Per-client rate limiting with token buckets: each client may send {@code burst} requests at once and
 * {@code ratePerSecond} on average; the rest are answered 429 (layer 4: the connection is closed at once).
 *
 * @param key                 how a client is told from another: {@code header:NAME} (default
 *                            {@code header:X-Client-Id}; a request without it counts by its address) or {@code ip}
 * @param globalRatePerSecond 0: none; otherwise all clients together get at most this many per second (and a
 *                            burst of one second's worth)
 */
public record LimiterSettings(double ratePerSecond, int burst, String key, double globalRatePerSecond) {
    public static final String DEFAULT_KEY = "header:X-Client-Id";

    public LimiterSettings {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("'ratePerSecond' must be a number above 0, but is " + ratePerSecond);
        }
        Settings.atLeast("burst", burst, 1);
        key = key == null ? DEFAULT_KEY : key;
        ClientKey.parse(key);
        if (!(globalRatePerSecond >= 0) || Double.isInfinite(globalRatePerSecond)) {
            throw new IllegalArgumentException("'globalRatePerSecond' must be 0 (none) or above, but is "
                    + globalRatePerSecond);
        }
    }

    /** {@code rate} per second per client with a burst of one second's worth, keyed by {@code X-Client-Id}. */
    public static LimiterSettings perSecond(double rate) {
        return new LimiterSettings(rate, (int) Math.max(1, Math.ceil(rate)), DEFAULT_KEY, 0);
    }
}
