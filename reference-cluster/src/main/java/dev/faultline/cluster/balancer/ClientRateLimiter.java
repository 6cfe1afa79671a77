package dev.faultline.cluster.balancer;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per client (Bucket4j): each holds {@code burst} tokens and refills at {@code rate} per second;
 * a request takes one token or is refused. An optional global bucket caps all clients together. A bucket unused
 * for as long as it takes to refill completely is full again, so it is evicted without changing any answer;
 * beyond {@value #MAX_CLIENTS} clients at once, new clients share one overflow bucket, so memory stays bounded.
 */
final class ClientRateLimiter {
    static final int MAX_CLIENTS = 100_000;
    static final String OVERFLOW = "(overflow)";

    private final LimiterSettings settings;
    private final TimeMeter clock;
    private final long refillNanos;
    private final Bucket global;
    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();

    ClientRateLimiter(LimiterSettings settings, TimeMeter clock) {
        this.settings = settings;
        this.clock = clock;
        this.refillNanos = (long) Math.ceil(settings.burst() / settings.ratePerSecond() * 1e9);
        this.global = settings.globalRatePerSecond() > 0
                ? bucket(settings.globalRatePerSecond(), (long) Math.max(1, Math.ceil(settings.globalRatePerSecond())))
                : null;
    }

    /** Takes one token for {@code client}, or says how long it must wait. */
    Decision tryAcquire(String client) {
        Entry entry = entry(client);
        entry.lastUsedNanos = clock.currentTimeNanos();
        ConsumptionProbe probe = entry.bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            return Decision.rejected(client, settings, probe.getNanosToWaitForRefill(), probe.getNanosToWaitForReset(),
                    false);
        }
        if (global != null) {
            ConsumptionProbe globalProbe = global.tryConsumeAndReturnRemaining(1);
            if (!globalProbe.isConsumed()) {
                entry.bucket.addTokens(1);
                return Decision.rejected(client, settings, globalProbe.getNanosToWaitForRefill(),
                        globalProbe.getNanosToWaitForReset(), true);
            }
        }
        return new Decision(true, client, settings.burst(), probe.getRemainingTokens(), 0, 0, null);
    }

    /** Drops the buckets unused long enough to be full again. */
    void evictIdle() {
        long now = clock.currentTimeNanos();
        buckets.values().removeIf(entry -> now - entry.lastUsedNanos > refillNanos);
    }

    int clients() {
        return buckets.size();
    }

    private Entry entry(String client) {
        Entry entry = buckets.get(client);
        if (entry != null) {
            return entry;
        }
        String key = buckets.size() < MAX_CLIENTS ? client : OVERFLOW;
        return buckets.computeIfAbsent(key, k -> new Entry(bucket(settings.ratePerSecond(), settings.burst())));
    }

    private Bucket bucket(double ratePerSecond, long capacity) {
        // a whole number of tokens over a period that gives the rate, so fractional rates (0.5/s) work too
        long tokens = Math.max(1, Math.round(ratePerSecond));
        Duration period = Duration.ofNanos((long) Math.ceil(tokens / ratePerSecond * 1e9));
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(tokens, period).build())
                .withCustomTimePrecision(clock)
                .build();
    }

    private static final class Entry {
        final Bucket bucket;
        volatile long lastUsedNanos;

        Entry(Bucket bucket) {
            this.bucket = bucket;
        }
    }

    /**
     * One answer of the limiter.
     *
     * @param limit      the bucket size, sent as {@code RateLimit-Limit}
     * @param remaining  tokens left, sent as {@code RateLimit-Remaining}
     * @param retryNanos how long until a token is there again (0 if accepted)
     * @param resetNanos how long until the bucket is full again
     * @param reason     why a request was refused, for the 429 body; null if accepted
     */
    record Decision(boolean accepted, String client, long limit, long remaining, long retryNanos, long resetNanos,
            String reason) {
        static Decision rejected(String client, LimiterSettings settings, long retryNanos, long resetNanos,
                boolean global) {
            String reason = global
                    ? "the balancer's global rate limit of " + rate(settings.globalRatePerSecond()) + " is used up"
                    : "client " + client + " is over its rate limit of " + rate(settings.ratePerSecond())
                            + " (burst " + settings.burst() + ")";
            return new Decision(false, client, settings.burst(), 0, retryNanos, resetNanos, reason);
        }

        /** Whole seconds to wait, at least 1: the value of {@code Retry-After}. */
        long retryAfterSeconds() {
            return Math.max(1, (retryNanos + 999_999_999L) / 1_000_000_000L);
        }

        /** Whole seconds until the bucket is full again: the value of {@code RateLimit-Reset}. */
        long resetSeconds() {
            return Math.max(1, (resetNanos + 999_999_999L) / 1_000_000_000L);
        }

        private static String rate(double perSecond) {
            return (perSecond == Math.rint(perSecond) ? String.valueOf((long) perSecond) : String.valueOf(perSecond))
                    + "/s";
        }
    }
}
