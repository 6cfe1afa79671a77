package dev.faultline.cluster.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The node's state: keys to values, in memory. Values are copied in and never changed afterwards. */
final class KeyValueStore {
    private final Map<String, byte[]> entries = new ConcurrentHashMap<>();

    void put(String key, byte[] value) {
        entries.put(key, value.clone());
    }

    /** The stored value; callers must not modify the array. */
    Optional<byte[]> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** Removes the key; true if it was present. */
    boolean delete(String key) {
        return entries.remove(key) != null;
    }

    /** A digest of every entry; weakly consistent while writes are in progress, exact when the node is quiet. */
    StateDigest digest() {
        StateDigest.Builder digest = StateDigest.builder();
        entries.forEach(digest::add);
        return digest.build();
    }
}
