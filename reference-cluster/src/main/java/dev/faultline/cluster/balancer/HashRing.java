package dev.faultline.cluster.balancer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A consistent-hash ring: each member is placed at {@code virtualNodes} points (the hash of
 * {@code "<name>#<i>"}), and a key belongs to the member at the first point at or after the key's hash. Adding or
 * removing one of N members moves only the keys of the arcs it gains or loses, about 1/N of them. Immutable.
 */
final class HashRing<T> {
    private final long[] points;
    private final List<T> owners;
    private final int members;

    private HashRing(long[] points, List<T> owners, int members) {
        this.points = points;
        this.owners = owners;
        this.members = members;
    }

    /** A ring of backends, each named by its backend's name. */
    static HashRing<BackendState> of(List<BackendState> backends, int virtualNodes) {
        return of(backends, state -> state.backend().name(), virtualNodes);
    }

    static <T> HashRing<T> of(List<T> members, Function<T, String> name, int virtualNodes) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a hash ring needs at least one member");
        }
        int count = members.size() * virtualNodes;
        long[][] entries = new long[count][2];
        int n = 0;
        for (int m = 0; m < members.size(); m++) {
            for (int v = 0; v < virtualNodes; v++) {
                entries[n][0] = hash(name.apply(members.get(m)) + "#" + v);
                entries[n][1] = m;
                n++;
            }
        }
        Arrays.sort(entries, (a, b) -> Long.compare(a[0], b[0]));
        long[] points = new long[count];
        List<T> owners = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            points[i] = entries[i][0];
            owners.add(members.get((int) entries[i][1]));
        }
        return new HashRing<>(points, owners, members.size());
    }

    /** The member that owns {@code key}. */
    T owner(String key) {
        return owners.get(firstPoint(hash(key)));
    }

    /** Every member once, in ring order from the owner of {@code key}: the owner first, then its successors. */
    List<T> walk(String key) {
        int start = firstPoint(hash(key));
        Set<T> seen = new LinkedHashSet<>();
        for (int i = 0; i < owners.size() && seen.size() < members; i++) {
            seen.add(owners.get((start + i) % owners.size()));
        }
        return new ArrayList<>(seen);
    }

    private int firstPoint(long hash) {
        int index = Arrays.binarySearch(points, hash);
        if (index < 0) {
            index = -index - 1;
        }
        return index == points.length ? 0 : index;
    }

    /** 64-bit FNV-1a of the UTF-8 bytes, finished with the SplitMix64 mixer so close strings land far apart. */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
