package dev.faultline.cluster.store.version;

import java.util.List;

/**
 * Merges what two replicas know of one key into what both should keep. Every implementation is commutative,
 * associative and idempotent and returns versions in {@link Version#CANONICAL} order, so replicas that have
 * seen the same writes, in any order and any number of times, hold equal lists.
 */
public interface Reconciler {

    /** The versions to keep of {@code current} and {@code incoming} together. */
    List<Version> merge(List<Version> current, List<Version> incoming);

    /** The versions a read shows: the kept versions without tombstones. */
    default List<Version> visible(List<Version> versions) {
        return versions.stream().filter(version -> !version.tombstone()).toList();
    }
}
