package dev.faultline.observe;

import dev.faultline.cluster.store.ring.HashRing;
import dev.faultline.sample.Acknowledgements;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Reads every acknowledged key back from each of its replicas (the store's consistent-hash ring, built as the nodes
 * build it) and lists the acknowledged writes a replica lost, judged by {@link WriteLosses}. Keys are read
 * {@value #IN_FLIGHT} at a time.
 */
final class ReplicaReader {
    /** Ring positions per node: the store's default (StoreNodeConfig.virtualNodes), which a plan does not set. */
    static final int STORE_VIRTUAL_NODES = 64;
    private static final int IN_FLIGHT = 32;

    private final StoreNodes nodes;
    private final HashRing ring;
    private final WriteLosses losses;

    ReplicaReader(StoreNodes nodes, int replication, WriteLosses losses) {
        this.nodes = nodes;
        this.ring = new HashRing(nodes.names(), STORE_VIRTUAL_NODES, replication);
        this.losses = losses;
    }

    ReplicaReadout read(Acknowledgements acks) {
        Map<String, List<Acknowledgements.Ack>> byKey = new LinkedHashMap<>();
        for (Acknowledgements.Ack ack : acks.entries()) {
            byKey.computeIfAbsent(ack.key(), k -> new ArrayList<>()).add(ack);
        }
        List<ReplicaReadout.Missing> missing = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        long checked = 0;
        long missingCount = 0;
        List<String> keys = new ArrayList<>(byKey.keySet());
        for (int from = 0; from < keys.size(); from += IN_FLIGHT) {
            Map<String, CompletableFuture<Set<String>>> reads = new LinkedHashMap<>();
            for (String key : keys.subList(from, Math.min(keys.size(), from + IN_FLIGHT))) {
                for (String replica : ring.preferenceList(key)) {
                    reads.put(key + "\n" + replica, nodes.values(replica, key));
                }
            }
            for (Map.Entry<String, CompletableFuture<Set<String>>> read : reads.entrySet()) {
                String key = read.getKey().substring(0, read.getKey().indexOf('\n'));
                String replica = read.getKey().substring(read.getKey().indexOf('\n') + 1);
                Set<String> held;
                try {
                    held = read.getValue().join();
                } catch (CompletionException e) {
                    if (unreadable.size() < ReplicaReadout.MAX_EXAMPLES) {
                        unreadable.add(replica + " (key " + key + "): " + e.getCause().getMessage());
                    }
                    continue;
                }
                List<Acknowledgements.Ack> ofKey = byKey.get(key);
                checked += ofKey.size();
                for (WriteLosses.Loss loss : losses.lost(ofKey, held)) {
                    missingCount++;
                    if (missing.size() < ReplicaReadout.MAX_EXAMPLES) {
                        Acknowledgements.Ack ack = loss.ack();
                        missing.add(losses == WriteLosses.SET_ELEMENTS
                                ? new ReplicaReadout.Missing(key, ack.element(), replica, ack.atMs())
                                : new ReplicaReadout.Missing(key, ack.element(), replica, ack.atMs(), ack.sentAtMs(),
                                        loss.heldInstead()));
                    }
                }
            }
        }
        return new ReplicaReadout(acks.entries().size() + acks.overflowed(), checked, missingCount, missing,
                unreadable, acks.complete(),
                losses == WriteLosses.SET_ELEMENTS ? ReplicaReadout.SET : ReplicaReadout.REGISTER);
    }
}
