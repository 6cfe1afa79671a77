package dev.faultline.cluster.store.wal;

import dev.faultline.cluster.store.version.VersionCodec;
import java.util.concurrent.CompletableFuture;

/** Where a node records what it applied, so a restart can apply it again. */
public interface EntryLog extends AutoCloseable {
    /** No log at all: a restarted node starts empty. */
    EntryLog NONE = new EntryLog() {
        @Override
        public CompletableFuture<Void> append(VersionCodec.Entry entry) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> barrier() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
        }
    };

    /** Records {@code entry}; the future completes when the entry is as durable as the log promises. */
    CompletableFuture<Void> append(VersionCodec.Entry entry);

    /**
     * Completes when everything appended so far is as durable as the log promises: a replica that finds a merge
     * already applied acknowledges it only then, since the append that applied it may still be in flight.
     */
    CompletableFuture<Void> barrier();

    @Override
    void close();
}
