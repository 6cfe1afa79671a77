package dev.faultline.cluster.store.replication;

import dev.faultline.cluster.store.version.Version;
import java.util.List;

/**
 * What a coordinated read or write came to.
 *
 * @param reached  true if enough replicas answered (or, for an eventual write, the write was kept as hints)
 * @param answers  how many replicas answered successfully before the decision
 * @param needed   how many were needed
 * @param replicas the key's preference list
 * @param versions for a read, the merged versions of the answers (tombstones included); empty for a write
 */
public record Outcome(boolean reached, int answers, int needed, List<String> replicas, List<Version> versions) {
    public Outcome {
        replicas = List.copyOf(replicas);
        versions = List.copyOf(versions);
    }
}
