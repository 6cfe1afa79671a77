package dev.faultline.cluster.store.replication;

import dev.faultline.cluster.store.version.Reconciler;
import dev.faultline.cluster.store.version.Version;
import dev.faultline.cluster.store.version.VersionCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hinted handoff: writes a coordinator could not deliver to a replica, kept (merged per key, in memory) and sent
 * again until the replica takes them. One delivery per replica is in flight at a time; a delivery that succeeds
 * while more hints wait starts the next batch at once, so a long backlog streams instead of waiting for the next
 * tick.
 */
public final class Hints {
    private static final Logger LOG = LoggerFactory.getLogger(Hints.class);
    private static final int BATCH = 2_000;

    private final Map<String, Map<String, List<Version>>> byPeer = new ConcurrentHashMap<>();
    private final Set<String> delivering = ConcurrentHashMap.newKeySet();
    private final Reconciler reconciler;
    private final StoreMetrics metrics;
    private final boolean enabled;

    /** @param enabled false: hinted handoff is off, and {@link #add} keeps nothing (a seeded defect) */
    public Hints(Reconciler reconciler, StoreMetrics metrics, boolean enabled) {
        this.reconciler = reconciler;
        this.metrics = metrics;
        this.enabled = enabled;
        metrics.hintsPending(this::pending);
    }

    /** Keeps {@code versions} of {@code key} for {@code peer}; nothing when hinted handoff is off. */
    void add(String peer, String key, List<Version> versions) {
        if (!enabled) {
            return;
        }
        byPeer.computeIfAbsent(peer, p -> new ConcurrentHashMap<>())
                .merge(key, versions, reconciler::merge);
    }

    /** How many (replica, key) pairs wait for delivery. */
    public int pending() {
        return byPeer.values().stream().mapToInt(Map::size).sum();
    }

    /**
     * Starts delivering each replica's hints, a batch at a time; returns at once. The next batch after a successful
     * one is prepared on {@code next} (not on the peer client's event loop).
     */
    public void deliver(PeerClient peers, Executor next) {
        byPeer.forEach((peer, hints) -> deliver(peer, hints, peers, next));
    }

    private void deliver(String peer, Map<String, List<Version>> hints, PeerClient peers, Executor next) {
        if (hints.isEmpty() || !delivering.add(peer)) {
            return;
        }
        List<VersionCodec.Entry> batch = new ArrayList<>();
        for (Map.Entry<String, List<Version>> hint : hints.entrySet()) {
            batch.add(new VersionCodec.Entry(hint.getKey(), hint.getValue()));
            if (batch.size() == BATCH) {
                break;
            }
        }
        peers.merge(peer, batch).whenComplete((done, failure) -> {
            if (failure != null) {
                delivering.remove(peer);
                LOG.debug("{} hints for {} not delivered yet: {}", batch.size(), peer, failure.toString());
                return;
            }
            int delivered = 0;
            for (VersionCodec.Entry entry : batch) {
                // a hint merged with a newer write meanwhile stays for the next delivery
                if (hints.remove(entry.key(), entry.versions())) {
                    delivered++;
                }
            }
            metrics.hintsDelivered(delivered);
            delivering.remove(peer);
            if (!hints.isEmpty()) {
                try {
                    next.execute(() -> deliver(peer, hints, peers, next));
                } catch (RejectedExecutionException stopping) {
                    // the node is closing: what is left stays undelivered, as hints are not logged
                }
            }
        });
    }
}
