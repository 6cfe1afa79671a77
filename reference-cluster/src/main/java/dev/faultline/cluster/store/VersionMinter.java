package dev.faultline.cluster.store;

import dev.faultline.cluster.store.clock.HybridClock;
import dev.faultline.cluster.store.version.SetUnion;
import dev.faultline.cluster.store.version.Version;
import dev.faultline.cluster.store.version.VersionVector;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes the version a coordinator sends for a client's write: stamped with the node's hybrid-logical-clock time,
 * and for version vectors with the client's context advanced at this node's entry. This node's vector counter
 * only grows, and starts from the wall clock in microseconds so that a restarted node does not reuse counters.
 */
final class VersionMinter {
    private final String self;
    private final HybridClock clock;
    private final AtomicLong counter = new AtomicLong(System.currentTimeMillis() * 1_000);

    VersionMinter(String self, HybridClock clock) {
        this.self = self;
        this.clock = clock;
    }

    /** A last-write-wins write of {@code value} (or a delete), ordered by its timestamp alone. */
    Version stamped(byte[] value, boolean tombstone) {
        return new Version(tombstone ? new byte[0] : value, tombstone, clock.now(), self, VersionVector.EMPTY);
    }

    /** A write of {@code value} (or a delete) that supersedes everything in {@code context}. */
    Version descendant(byte[] value, boolean tombstone, VersionVector context) {
        long next = counter.updateAndGet(last -> Math.max(last, context.counter(self)) + 1);
        return new Version(tombstone ? new byte[0] : value, tombstone, clock.now(), self, context.with(self, next));
    }

    /** An element added to a set. */
    Version element(byte[] element) {
        return SetUnion.element(element);
    }
}
