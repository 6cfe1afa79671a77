package dev.faultline.cluster.store.replication;

import dev.faultline.cluster.store.ring.HashRing;
import dev.faultline.cluster.store.version.Version;
import dev.faultline.cluster.store.version.VersionCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Coordinates a client's read or write of one key across the key's replicas; any node coordinates any key.
 * A write goes to every replica at once and is decided after {@code writeQuorum} acknowledgements (1 under
 * eventual consistency); replicas that fail get a hint (unless hinted handoff is off). Under eventual consistency
 * with hinted handoff a write no replica took is still acknowledged, kept as hints. A read asks every replica, answers from the first {@code readQuorum}, and
 * when all have answered sends the merged state to those that were stale (read repair).
 */
public final class Coordinator {
    private final String self;
    private final HashRing ring;
    private final Replica replica;
    private final PeerClient peers;
    private final Hints hints;
    private final StoreMetrics metrics;
    private final ScheduledExecutorService timer;
    private final Quorums quorums;

    /**
     * @param writeQuorum    acknowledgements a write waits for
     * @param readQuorum     answers a read waits for
     * @param hintsOnFailure true under eventual consistency with hinted handoff: a write no replica took is
     *                       acknowledged as hints
     * @param timeoutMillis  the longest a read or write waits for its quorum
     */
    public record Quorums(int writeQuorum, int readQuorum, boolean hintsOnFailure, long timeoutMillis) {
    }

    public Coordinator(String self, HashRing ring, Replica replica, PeerClient peers, Hints hints,
            StoreMetrics metrics, ScheduledExecutorService timer, Quorums quorums) {
        this.self = self;
        this.ring = ring;
        this.replica = replica;
        this.peers = peers;
        this.hints = hints;
        this.metrics = metrics;
        this.timer = timer;
        this.quorums = quorums;
    }

    /** Sends newly minted versions of {@code key} to its replicas, this node first if it is one. */
    public CompletableFuture<Outcome> write(String key, List<Version> versions) {
        long minted = System.nanoTime();
        List<String> replicas = ring.preferenceList(key);
        Tally<String> tally = new Tally<>(replicas.size(), quorums.writeQuorum(), quorums.timeoutMillis(), timer);
        for (String node : selfFirst(replicas)) {
            CompletableFuture<?> applied = node.equals(self)
                    ? replica.merge(key, versions)
                    : peers.replicate(node, new VersionCodec.Entry(key, versions));
            applied.whenComplete((done, failure) -> {
                if (failure == null) {
                    if (!node.equals(self)) {
                        metrics.replicationLag(System.nanoTime() - minted);
                    }
                    tally.success(node);
                } else {
                    if (!node.equals(self)) {
                        hints.add(node, key, versions);
                    }
                    tally.failure();
                }
            });
        }
        return tally.decided().thenApply(acks -> {
            boolean reached = acks.size() >= quorums.writeQuorum();
            if (!reached && quorums.hintsOnFailure()) {
                replicas.stream().filter(node -> !node.equals(self)).forEach(node -> hints.add(node, key, versions));
                reached = true;
            }
            if (!reached) {
                metrics.quorumFailure("write");
            }
            return new Outcome(reached, acks.size(), quorums.writeQuorum(), replicas, List.of());
        });
    }

    /** Reads {@code key} from its replicas. */
    public CompletableFuture<Outcome> read(String key) {
        List<String> replicas = selfFirst(ring.preferenceList(key));
        Tally<List<Version>> tally = new Tally<>(replicas.size(), quorums.readQuorum(), quorums.timeoutMillis(), timer);
        List<CompletableFuture<List<Version>>> answers = new ArrayList<>();
        for (String node : replicas) {
            CompletableFuture<List<Version>> answer = node.equals(self)
                    ? CompletableFuture.completedFuture(replica.versions(key))
                    : peers.read(node, key);
            answer.whenComplete((versions, failure) -> {
                if (failure == null) {
                    tally.success(versions);
                } else {
                    tally.failure();
                }
            });
            answers.add(answer);
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .whenComplete((all, failure) -> repair(key, replicas, answers));
        return tally.decided().thenApply(states -> {
            boolean reached = states.size() >= quorums.readQuorum();
            if (!reached) {
                metrics.quorumFailure("read");
            }
            return new Outcome(reached, states.size(), quorums.readQuorum(), replicas, merged(states));
        });
    }

    private List<String> selfFirst(List<String> replicas) {
        if (!replicas.contains(self)) {
            return replicas;
        }
        List<String> ordered = new ArrayList<>(replicas);
        ordered.remove(self);
        ordered.add(0, self);
        return ordered;
    }

    private void repair(String key, List<String> replicas, List<CompletableFuture<List<Version>>> answers) {
        List<List<Version>> states = new ArrayList<>();
        answers.forEach(answer -> {
            if (!answer.isCompletedExceptionally()) {
                states.add(answer.join());
            }
        });
        List<Version> merged = merged(states);
        for (int i = 0; i < replicas.size(); i++) {
            CompletableFuture<List<Version>> answer = answers.get(i);
            if (merged.isEmpty() || answer.isCompletedExceptionally() || answer.join().equals(merged)) {
                continue;
            }
            String node = replicas.get(i);
            metrics.readRepair();
            if (node.equals(self)) {
                replica.merge(key, merged);
            } else {
                peers.replicate(node, new VersionCodec.Entry(key, merged)).exceptionally(failure -> null);
            }
        }
    }

    private List<Version> merged(List<List<Version>> states) {
        List<Version> merged = List.of();
        for (List<Version> state : states) {
            merged = replica.reconciler().merge(merged, state);
        }
        return merged;
    }
}
