package dev.faultline.sample;

import java.time.Instant;

/**
 * The time base of one run: time zero is when the load starts. Every recorded time (samples, fault events) is in
 * nanoseconds or milliseconds since time zero, so windows, faults and samples line up.
 */
public final class RunClock {
    private final long zeroNanos;
    private final Instant startedAt;

    private RunClock(long zeroNanos, Instant startedAt) {
        this.zeroNanos = zeroNanos;
        this.startedAt = startedAt;
    }

    /** A clock whose time zero is now. */
    public static RunClock startNow() {
        return new RunClock(System.nanoTime(), Instant.now());
    }

    /** A clock with a given zero on the {@link System#nanoTime()} scale (tests). */
    public static RunClock startingAt(long zeroNanos, Instant startedAt) {
        return new RunClock(zeroNanos, startedAt);
    }

    /** The wall-clock instant of time zero. */
    public Instant startedAt() {
        return startedAt;
    }

    /** Time zero on the {@link System#nanoTime()} scale. */
    public long zeroNanos() {
        return zeroNanos;
    }

    /** Nanoseconds since time zero. */
    public long nanosNow() {
        return System.nanoTime() - zeroNanos;
    }

    /** Milliseconds since time zero. */
    public long millisNow() {
        return nanosNow() / 1_000_000L;
    }
}
