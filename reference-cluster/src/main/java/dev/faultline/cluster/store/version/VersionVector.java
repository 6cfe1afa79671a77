package dev.faultline.cluster.store.version;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** An immutable version vector: for each node, how many of its writes (by its counter) a version has seen. */
public final class VersionVector implements Comparable<VersionVector> {
    public static final VersionVector EMPTY = new VersionVector(new TreeMap<>());

    private final SortedMap<String, Long> counters;

    private VersionVector(SortedMap<String, Long> counters) {
        this.counters = Collections.unmodifiableSortedMap(counters);
    }

    public static VersionVector of(Map<String, Long> counters) {
        TreeMap<String, Long> copy = new TreeMap<>();
        counters.forEach((node, counter) -> {
            if (counter == null || counter < 1) {
                throw new IllegalArgumentException("version vector counter of " + node + " must be positive, but is " + counter);
            }
            copy.put(node, counter);
        });
        return new VersionVector(copy);
    }

    public SortedMap<String, Long> counters() {
        return counters;
    }

    public long counter(String node) {
        return counters.getOrDefault(node, 0L);
    }

    /** This vector with {@code node}'s counter set to {@code counter}. */
    public VersionVector with(String node, long counter) {
        TreeMap<String, Long> next = new TreeMap<>(counters);
        next.put(node, counter);
        return new VersionVector(next);
    }

    /** The least vector that has seen everything either has seen. */
    public VersionVector merge(VersionVector other) {
        TreeMap<String, Long> next = new TreeMap<>(counters);
        other.counters.forEach((node, counter) -> next.merge(node, counter, Math::max));
        return new VersionVector(next);
    }

    /** True if this vector has seen everything {@code other} has (equal vectors descend from each other). */
    public boolean descendsFrom(VersionVector other) {
        for (Map.Entry<String, Long> entry : other.counters.entrySet()) {
            if (counter(entry.getKey()) < entry.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** True if this vector has seen strictly more than {@code other}: {@code other} is superseded by it. */
    public boolean supersedes(VersionVector other) {
        return descendsFrom(other) && !equals(other);
    }

    /** The opaque causal-context token of the {@code X-Context} header: URL-safe base64 of {@code n1=3,n2=5}. */
    public String token() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(toString().getBytes(UTF_8));
    }

    /**
     * Reads a token written by {@link #token()}.
     *
     * @throws IllegalArgumentException if the token is not one
     */
    public static VersionVector fromToken(String token) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token.trim()), UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("X-Context is not a context token this store issued: " + e.getMessage(), e);
        }
        TreeMap<String, Long> counters = new TreeMap<>();
        if (!text.isEmpty()) {
            for (String pair : text.split(",", -1)) {
                int equals = pair.indexOf('=');
                try {
                    counters.put(pair.substring(0, equals), Long.parseLong(pair.substring(equals + 1)));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("X-Context is not a context token this store issued", e);
                }
            }
        }
        return of(counters);
    }

    @Override
    public int compareTo(VersionVector other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VersionVector vector && counters.equals(vector.counters);
    }

    @Override
    public int hashCode() {
        return counters.hashCode();
    }

    /** {@code n1=3,n2=5}, nodes in name order. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        counters.forEach((node, counter) -> text.append(text.length() == 0 ? "" : ",").append(node).append('=').append(counter));
        return text.toString();
    }
}
