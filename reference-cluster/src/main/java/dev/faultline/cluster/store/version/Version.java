package dev.faultline.cluster.store.version;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

/**
 * One version of a key's value as replicas exchange it. Which components matter depends on the {@link Reconciler}:
 * last-write-wins orders by ({@code timestamp}, {@code writer}); version vectors by {@code vector}; set union
 * only by {@code value} (one version per element).
 *
 * @param value     the bytes written (an element, for a set); empty for a tombstone
 * @param tombstone true if this version records a delete
 * @param timestamp the writer's hybrid-logical-clock timestamp ({@link dev.faultline.cluster.store.clock.HybridClock})
 * @param writer    the node that coordinated the write
 * @param vector    the version vector; {@link VersionVector#EMPTY} where unused
 */
public record Version(byte[] value, boolean tombstone, long timestamp, String writer, VersionVector vector) {
    /** A total order used to keep a key's versions in one canonical order, so equal states encode equally. */
    public static final Comparator<Version> CANONICAL = Comparator.comparing(Version::vector)
            .thenComparingLong(Version::timestamp)
            .thenComparing(Version::writer)
            .thenComparing(Version::tombstone)
            .thenComparing(Version::value, Arrays::compare);

    public Version {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(writer, "writer");
        Objects.requireNonNull(vector, "vector");
        value = value.clone();
    }

    /** The stored bytes; callers must not modify them. */
    @Override
    public byte[] value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Version version && tombstone == version.tombstone && timestamp == version.timestamp
                && writer.equals(version.writer) && vector.equals(version.vector) && Arrays.equals(value, version.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(value), tombstone, timestamp, writer, vector);
    }

    @Override
    public String toString() {
        return "Version[" + (tombstone ? "tombstone" : value.length + " bytes") + ", ts=" + timestamp + ", writer="
                + writer + ", vector={" + vector + "}]";
    }
}
