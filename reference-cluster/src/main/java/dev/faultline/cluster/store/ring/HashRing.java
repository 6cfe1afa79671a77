package dev.faultline.cluster.store.ring;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Consistent hashing with virtual nodes: each node owns {@code virtualNodes} positions on a ring of 64-bit
 * hashes; a key's preference list is the first {@code replication} distinct nodes clockwise from its hash. Every
 * node built with the same names and settings computes the same lists.
 */
public final class HashRing {
    private final NavigableMap<Long, String> positions = new TreeMap<>();
    private final int replication;

    public HashRing(Collection<String> nodes, int virtualNodes, int replication) {
        Set<String> distinct = new LinkedHashSet<>(nodes);
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException("a ring needs at least one node");
        }
        if (replication < 1 || replication > distinct.size()) {
            throw new IllegalArgumentException("replication must be between 1 and " + distinct.size() + ", but is " + replication);
        }
        this.replication = replication;
        for (String node : distinct) {
            for (int i = 0; i < virtualNodes; i++) {
                // on the (astronomically unlikely) collision of two positions the greater name keeps it
                positions.merge(hash(node + "#" + i), node, (a, b) -> a.compareTo(b) >= 0 ? a : b);
            }
        }
    }

    /** The nodes that hold {@code key}, the first being its primary. */
    public List<String> preferenceList(String key) {
        List<String> replicas = new ArrayList<>(replication);
        long position = hash(key);
        for (String node : positions.tailMap(position, true).values()) {
            if (addDistinct(replicas, node)) {
                return replicas;
            }
        }
        for (Map.Entry<Long, String> entry : positions.entrySet()) {
            if (addDistinct(replicas, entry.getValue())) {
                return replicas;
            }
        }
        throw new IllegalStateException("the ring has fewer than " + replication + " nodes");
    }

    /** A 64-bit hash of {@code text}: the first 8 bytes of its SHA-256. Spreads keys evenly, the same on every JVM. */
    public static long hash(String text) {
        return hash(text.getBytes(UTF_8));
    }

    /** A 64-bit hash of {@code bytes}: the first 8 bytes of their SHA-256. */
    public static long hash(byte[] bytes) {
        return ByteBuffer.wrap(SHA_256.get().digest(bytes)).getLong();
    }

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    });

    private boolean addDistinct(List<String> replicas, String node) {
        if (!replicas.contains(node)) {
            replicas.add(node);
        }
        return replicas.size() == replication;
    }
}
