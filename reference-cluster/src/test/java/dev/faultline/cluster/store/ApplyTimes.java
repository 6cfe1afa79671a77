package dev.faultline.cluster.store;

import dev.faultline.cluster.store.version.VersionCodec;
import dev.faultline.cluster.store.wal.EntryLog;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A node's "no log" that notes when each key was first changed on the node ({@link System#nanoTime()}): on the
 * coordinator that is when it applied its own write, right after minting it; on a replica, when the write became
 * visible there. All nodes of a benchmark share one JVM, so the times compare.
 */
final class ApplyTimes implements EntryLog {
    private final Map<String, Long> firstChange = new ConcurrentHashMap<>();

    @Override
    public CompletableFuture<Void> append(VersionCodec.Entry entry) {
        firstChange.putIfAbsent(entry.key(), System.nanoTime());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> barrier() {
        return CompletableFuture.completedFuture(null);
    }

    /** When {@code key} first changed here, or null if it did not. */
    Long of(String key) {
        return firstChange.get(key);
    }

    @Override
    public void close() {
    }
}
