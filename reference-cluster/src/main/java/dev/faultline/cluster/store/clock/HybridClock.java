package dev.faultline.cluster.store.clock;

import java.util.function.LongSupplier;

/**
 * A hybrid logical clock (Kulkarni et al., 2014) packed into one long: the upper 48 bits are physical
 * milliseconds, the lower 16 a logical counter. Timestamps a node issues only grow, and a node that has seen a
 * timestamp issues greater ones afterwards, so causally ordered writes are ordered whatever the clocks say;
 * concurrent writes are ordered by physical time, which {@link #skew} can shift to make a node's clock wrong.
 */
public final class HybridClock {
    private static final int LOGICAL_BITS = 16;
    private static final long LOGICAL_MASK = (1L << LOGICAL_BITS) - 1;

    private final LongSupplier physicalMillis;
    private long skewMillis;
    private long last;

    public HybridClock() {
        this(System::currentTimeMillis);
    }

    public HybridClock(LongSupplier physicalMillis) {
        this.physicalMillis = physicalMillis;
    }

    /** A timestamp greater than every one this clock issued or observed. */
    public synchronized long now() {
        long physical = packed(physicalMillis.getAsLong() + skewMillis, 0);
        last = physical > last ? physical : last + 1;
        return last;
    }

    /** Takes in a timestamp from another node, so that later local timestamps exceed it. */
    public synchronized void observe(long timestamp) {
        if (timestamp > last) {
            last = timestamp;
        }
    }

    /** Shifts this node's physical clock by {@code skewMillis} (negative: behind). Replaces any earlier skew. */
    public synchronized void skew(long skewMillis) {
        this.skewMillis = skewMillis;
    }

    public synchronized long skewMillis() {
        return skewMillis;
    }

    /** The physical milliseconds of a timestamp. */
    public static long physicalMillis(long timestamp) {
        return timestamp >>> LOGICAL_BITS;
    }

    static long packed(long millis, long logical) {
        return (Math.max(0, millis) << LOGICAL_BITS) | (logical & LOGICAL_MASK);
    }
}
