package dev.faultline.cluster.store.replication;

import dev.faultline.cluster.store.ring.HashRing;
import dev.faultline.cluster.store.version.Version;
import dev.faultline.cluster.store.version.VersionCodec;
import java.util.List;

/**
 * What one replica holds of one key: its versions (tombstones included), the key's replicas, its anti-entropy
 * bucket and a 64-bit hash of key and versions that the bucket hashes add up.
 */
record KeyState(List<Version> versions, List<String> replicas, int bucket, long hash) {
    static final int BUCKETS = 1024;

    static KeyState of(String key, List<Version> versions, List<String> replicas) {
        return new KeyState(versions, replicas, bucketOf(key), hashOf(key, versions));
    }

    KeyState withVersions(String key, List<Version> merged) {
        return new KeyState(merged, replicas, bucket, hashOf(key, merged));
    }

    static int bucketOf(String key) {
        return (int) Long.remainderUnsigned(HashRing.hash(key), BUCKETS);
    }

    private static long hashOf(String key, List<Version> versions) {
        return HashRing.hash(VersionCodec.encode(key, versions));
    }
}
