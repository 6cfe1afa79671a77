package dev.faultline.targets;

import dev.faultline.cluster.store.Conflicts;
import dev.faultline.cluster.store.Consistency;
import dev.faultline.cluster.store.Durability;
import dev.faultline.cluster.store.Peer;
import dev.faultline.cluster.store.StoreNodeConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What every store node of a reference cluster shares: replicas per key, the CAP choice, conflict resolution,
 * durability, the anti-entropy period (zero: none) and whether hinted handoff is on. Null means the store's default.
 */
public record StoreSettings(
        Integer replication, Consistency consistency, Integer writeQuorum, Integer readQuorum,
        Conflicts conflicts, Durability durability, Duration antiEntropyPeriod, Boolean hintedHandoff) {

    public static final StoreSettings DEFAULTS = new StoreSettings(null, null, null, null, null, null, null, null);

    /** Settings with hinted handoff on (the store's default). */
    public StoreSettings(Integer replication, Consistency consistency, Integer writeQuorum, Integer readQuorum,
            Conflicts conflicts, Durability durability, Duration antiEntropyPeriod) {
        this(replication, consistency, writeQuorum, readQuorum, conflicts, durability, antiEntropyPeriod, null);
    }

    /** One node's configuration: these settings, its address, how it reaches its peers and where its log lives. */
    StoreNodeConfig node(String name, String host, int port, List<Peer> peers, Path dataDir) {
        Durability effective = durability == null ? Durability.FSYNC : durability;
        return new StoreNodeConfig(name, host, port, peers, replication, consistency, writeQuorum, readQuorum,
                conflicts, effective, effective == Durability.NONE ? null : dataDir.toString(), antiEntropyPeriod,
                null, null, hintedHandoff);
    }
}
