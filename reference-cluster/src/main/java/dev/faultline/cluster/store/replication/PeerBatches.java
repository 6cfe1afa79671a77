package dev.faultline.cluster.store.replication;

import dev.faultline.cluster.store.version.VersionCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Replication to one peer in batches: writes queue up while at most {@value #MAX_IN_FLIGHT} merge requests are
 * out, and the next request carries everything that queued meanwhile (up to {@value #MAX_BATCH} entries). Under
 * light load each write travels alone at once; under heavy load the requests grow instead of multiplying, so
 * the connections to a peer stay few and kept alive.
 */
final class PeerBatches {
    private static final int MAX_IN_FLIGHT = 2;
    private static final int MAX_BATCH = 512;

    private record Pending(VersionCodec.Entry entry, CompletableFuture<Void> applied) {
    }

    private final String peer;
    private final PeerClient client;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    PeerBatches(String peer, PeerClient client) {
        this.peer = peer;
        this.client = client;
    }

    /** Completes when the peer has applied {@code entry}, or exceptionally if its batch failed. */
    CompletableFuture<Void> send(VersionCodec.Entry entry) {
        Pending pending = new Pending(entry, new CompletableFuture<>());
        queue.add(pending);
        drain();
        return pending.applied();
    }

    private void drain() {
        while (!queue.isEmpty()) {
            int running = inFlight.get();
            if (running >= MAX_IN_FLIGHT) {
                return;
            }
            if (!inFlight.compareAndSet(running, running + 1)) {
                continue;
            }
            List<Pending> batch = new ArrayList<>();
            for (Pending next = queue.poll(); next != null; next = batch.size() < MAX_BATCH ? queue.poll() : null) {
                batch.add(next);
            }
            if (batch.isEmpty()) {
                inFlight.decrementAndGet();
                continue;
            }
            client.replicate(peer, batch.stream().map(Pending::entry).toList()).whenComplete((done, failure) -> {
                batch.forEach(pending -> {
                    if (failure == null) {
                        pending.applied().complete(null);
                    } else {
                        pending.applied().completeExceptionally(failure);
                    }
                });
                inFlight.decrementAndGet();
                drain();
            });
        }
    }
}
