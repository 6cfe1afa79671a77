package dev.faultline.cluster.store.replication;

import dev.faultline.cluster.store.version.Version;
import dev.faultline.cluster.store.version.VersionCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Periodic anti-entropy with bucketed digests. For each peer, both sides sum the hashes of the keys they both
 * replicate into {@value KeyState#BUCKETS} buckets; for the buckets that differ this node fetches the peer's
 * entries, merges them, and sends back its own merged state of every key the peer had differently or not at
 * all. After one round without new writes both hold the same state of their shared keys, read or not.
 */
public final class AntiEntropy {
    private static final Logger LOG = LoggerFactory.getLogger(AntiEntropy.class);
    private static final int BUCKETS_PER_FETCH = 128;
    private static final int ENTRIES_PER_PUSH = 2_000;

    private final String self;
    private final List<String> peerNames;
    private final Replica replica;
    private final PeerClient peers;
    private final StoreMetrics metrics;
    private final long waitMillis;

    public AntiEntropy(String self, List<String> peerNames, Replica replica, PeerClient peers, StoreMetrics metrics,
            Duration requestTimeout) {
        this.self = self;
        this.peerNames = List.copyOf(peerNames);
        this.replica = replica;
        this.peers = peers;
        this.metrics = metrics;
        this.waitMillis = Math.max(10_000, requestTimeout.toMillis() * 40);
    }

    /** One exchange with every peer in turn; a peer that cannot be reached is skipped until the next round. */
    public void round() {
        for (String peer : peerNames) {
            try {
                int repaired = exchange(peer);
                metrics.antiEntropyRound(repaired);
            } catch (Exception e) {
                LOG.debug("{}: anti-entropy with {} skipped: {}", self, peer, e.toString());
            }
        }
    }

    /** Exchanges differing buckets with {@code peer}; returns how many keys changed here plus how many were sent there. */
    int exchange(String peer) throws Exception {
        long[] theirs = peers.bucketHashes(peer, self).get(waitMillis, TimeUnit.MILLISECONDS);
        long[] mine = replica.bucketHashes(self, peer);
        List<Integer> differing = new ArrayList<>();
        for (int bucket = 0; bucket < mine.length && bucket < theirs.length; bucket++) {
            if (mine[bucket] != theirs[bucket]) {
                differing.add(bucket);
            }
        }
        int repaired = 0;
        for (int from = 0; from < differing.size(); from += BUCKETS_PER_FETCH) {
            List<Integer> chunk = differing.subList(from, Math.min(differing.size(), from + BUCKETS_PER_FETCH));
            repaired += exchangeBuckets(peer, chunk);
        }
        return repaired;
    }

    private int exchangeBuckets(String peer, List<Integer> buckets) throws Exception {
        List<VersionCodec.Entry> theirs = peers.entriesIn(peer, self, buckets).get(waitMillis, TimeUnit.MILLISECONDS);
        Map<String, List<Version>> theirState = new HashMap<>();
        int repaired = 0;
        for (VersionCodec.Entry entry : theirs) {
            theirState.put(entry.key(), entry.versions());
            if (replica.merge(entry.key(), entry.versions()).get(waitMillis, TimeUnit.MILLISECONDS)) {
                repaired++;
            }
        }
        List<VersionCodec.Entry> push = new ArrayList<>();
        for (VersionCodec.Entry mine : replica.entriesIn(new HashSet<>(buckets), self, peer)) {
            if (!mine.versions().equals(theirState.get(mine.key()))) {
                push.add(mine);
            }
        }
        for (int from = 0; from < push.size(); from += ENTRIES_PER_PUSH) {
            peers.merge(peer, push.subList(from, Math.min(push.size(), from + ENTRIES_PER_PUSH)))
                    .get(waitMillis, TimeUnit.MILLISECONDS);
        }
        return repaired + push.size();
    }
}
