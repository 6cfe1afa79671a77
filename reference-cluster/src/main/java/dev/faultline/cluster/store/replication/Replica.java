package dev.faultline.cluster.store.replication;

import dev.faultline.cluster.store.clock.HybridClock;
import dev.faultline.cluster.store.ring.HashRing;
import dev.faultline.cluster.store.version.Reconciler;
import dev.faultline.cluster.store.version.Version;
import dev.faultline.cluster.store.version.VersionCodec;
import dev.faultline.cluster.store.wal.EntryLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * This node's own copy of the keys it holds. Every change goes through {@link #merge}: reconcile with what is
 * there, log it, and only then report it applied. Reads see a merged state as soon as it is computed.
 */
public final class Replica {
    private final Map<String, KeyState> entries = new ConcurrentHashMap<>();
    private final Reconciler reconciler;
    private final HashRing ring;
    private final HybridClock clock;
    private volatile EntryLog log = EntryLog.NONE;

    public Replica(Reconciler reconciler, HashRing ring, HybridClock clock) {
        this.reconciler = reconciler;
        this.ring = ring;
        this.clock = clock;
    }

    /** Starts logging every change to {@code log}; call once, after replaying it. */
    public void logTo(EntryLog log) {
        this.log = log;
    }

    public Reconciler reconciler() {
        return reconciler;
    }

    /** Applies a write or a replica's state without logging it: for replaying the log on start. */
    public void replay(VersionCodec.Entry entry) {
        apply(entry.key(), entry.versions());
    }

    /**
     * Merges {@code incoming} into the key's state and logs it if anything changed. The future completes, with
     * whether the state changed, once the change is as durable as the log promises.
     */
    public CompletableFuture<Boolean> merge(String key, List<Version> incoming) {
        if (!apply(key, incoming)) {
            return log.barrier().thenApply(logged -> false);
        }
        return log.append(new VersionCodec.Entry(key, incoming)).thenApply(logged -> true);
    }

    private boolean apply(String key, List<Version> incoming) {
        incoming.forEach(version -> clock.observe(version.timestamp()));
        boolean[] changed = new boolean[1];
        entries.compute(key, (k, old) -> {
            List<Version> current = old == null ? List.of() : old.versions();
            List<Version> merged = reconciler.merge(current, incoming);
            if (merged.equals(current) && old != null) {
                return old;
            }
            changed[0] = true;
            return old == null ? KeyState.of(key, merged, ring.preferenceList(key)) : old.withVersions(key, merged);
        });
        return changed[0];
    }

    /** Every version this replica keeps of {@code key}, tombstones included; empty if none. */
    public List<Version> versions(String key) {
        KeyState state = entries.get(key);
        return state == null ? List.of() : state.versions();
    }

    /** The keys this replica keeps, for a quick look; weakly consistent while writes go on. */
    public Set<String> keys() {
        return entries.keySet();
    }

    /** Visits every key with the versions a read would show, skipping keys that only have tombstones. */
    public void forEachVisible(BiConsumer<String, List<Version>> visitor) {
        entries.forEach((key, state) -> {
            List<Version> visible = reconciler.visible(state.versions());
            if (!visible.isEmpty()) {
                visitor.accept(key, visible);
            }
        });
    }

    /** For each anti-entropy bucket, the sum of the hashes of the keys this node and {@code peer} both replicate. */
    long[] bucketHashes(String self, String peer) {
        long[] hashes = new long[KeyState.BUCKETS];
        entries.values().forEach(state -> {
            if (shared(state, self, peer)) {
                hashes[state.bucket()] += state.hash();
            }
        });
        return hashes;
    }

    /** The keys this node and {@code peer} both replicate that fall in {@code buckets}, with their versions. */
    List<VersionCodec.Entry> entriesIn(Set<Integer> buckets, String self, String peer) {
        List<VersionCodec.Entry> found = new ArrayList<>();
        entries.forEach((key, state) -> {
            if (buckets.contains(state.bucket()) && shared(state, self, peer)) {
                found.add(new VersionCodec.Entry(key, state.versions()));
            }
        });
        return found;
    }

    private static boolean shared(KeyState state, String self, String peer) {
        return state.replicas().contains(self) && state.replicas().contains(peer);
    }
}
