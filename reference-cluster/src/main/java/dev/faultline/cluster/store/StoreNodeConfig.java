package dev.faultline.cluster.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.faultline.cluster.http.ConfigNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How to start one store node. Serializable to JSON ({@link #toJson()}, {@link #fromJson(String)}) so a node can be
 * launched as its own process. {@code null} in a defaulted component means "the default".
 *
 * @param name              the node's name, e.g. {@code n1}; sent back in the {@code X-Node} header of every response
 * @param host              the address to listen on, e.g. {@code 127.0.0.1}
 * @param port              the port to listen on; 0 picks a free port
 * @param peers             how this node reaches every other node of the cluster; default none (a cluster of one)
 * @param replication       R, replicas per key, 1 to the number of nodes; default min(3, nodes)
 * @param consistency       default {@code eventual}
 * @param writeQuorum       W for {@code quorum}, 1 to R; null = majority of R. Ignored by {@code eventual} (W = 1)
 * @param readQuorum        R for reads under {@code quorum}, 1 to R; null = majority of R. Ignored by {@code eventual}
 * @param conflicts         default {@code lww}
 * @param durability        default {@code fsync} with a {@code dataDir}, {@code none} without
 * @param dataDir           the directory of the write-ahead log; null = in memory only
 * @param antiEntropyPeriod how often the node compares its state with each replica peer; default 1 s; zero: never
 *                          (no anti-entropy: a seeded defect, replicas a partition left apart stay apart for keys
 *                          nobody reads or writes again)
 * @param requestTimeout    the limit of one node-to-node call and of waiting for a quorum; default 500 ms
 * @param virtualNodes      ring positions per node; default 64
 * @param hintedHandoff     default true; false: a write a replica missed is not kept for it (a seeded defect), and
 *                          under {@code eventual} a write no replica took is refused rather than acknowledged on hints
 */
public record StoreNodeConfig(String name, String host, int port, List<Peer> peers, Integer replication,
        Consistency consistency, Integer writeQuorum, Integer readQuorum, Conflicts conflicts, Durability durability,
        String dataDir, Duration antiEntropyPeriod, Duration requestTimeout, Integer virtualNodes,
        Boolean hintedHandoff) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public StoreNodeConfig {
        ConfigNames.requireName("name", name);
        ConfigNames.requireHost(host);
        ConfigNames.requirePort(port);
        peers = List.copyOf(peers == null ? List.of() : peers);
        requireDistinctNames(name, peers);
        int nodes = peers.size() + 1;
        replication = replication == null ? Math.min(3, nodes) : replication;
        if (replication < 1 || replication > nodes) {
            throw new IllegalArgumentException("'replication' must be between 1 and the number of nodes (" + nodes
                    + "), but is " + replication);
        }
        consistency = consistency == null ? Consistency.EVENTUAL : consistency;
        requireQuorum("writeQuorum", writeQuorum, replication);
        requireQuorum("readQuorum", readQuorum, replication);
        conflicts = conflicts == null ? Conflicts.LWW : conflicts;
        if (dataDir != null && dataDir.isBlank()) {
            throw new IllegalArgumentException("'dataDir' must be a directory path or null (in memory), but is blank");
        }
        durability = durability == null ? (dataDir == null ? Durability.NONE : Durability.FSYNC) : durability;
        if (durability != Durability.NONE && dataDir == null) {
            throw new IllegalArgumentException("'dataDir' is required when durability is " + durability.planName());
        }
        antiEntropyPeriod = antiEntropyPeriod == null ? Duration.ofSeconds(1) : antiEntropyPeriod;
        if (antiEntropyPeriod.isNegative()) {
            throw new IllegalArgumentException("'antiEntropyPeriod' must be positive (or zero: no anti-entropy), but is "
                    + antiEntropyPeriod);
        }
        requestTimeout = requirePositive("requestTimeout", requestTimeout, Duration.ofMillis(500));
        virtualNodes = virtualNodes == null ? 64 : virtualNodes;
        if (virtualNodes < 1 || virtualNodes > 4096) {
            throw new IllegalArgumentException("'virtualNodes' must be between 1 and 4096, but is " + virtualNodes);
        }
        hintedHandoff = hintedHandoff == null ? Boolean.TRUE : hintedHandoff;
    }

    /** A node with hinted handoff on (the default). */
    public StoreNodeConfig(String name, String host, int port, List<Peer> peers, Integer replication,
            Consistency consistency, Integer writeQuorum, Integer readQuorum, Conflicts conflicts, Durability durability,
            String dataDir, Duration antiEntropyPeriod, Duration requestTimeout, Integer virtualNodes) {
        this(name, host, port, peers, replication, consistency, writeQuorum, readQuorum, conflicts, durability, dataDir,
                antiEntropyPeriod, requestTimeout, virtualNodes, null);
    }

    /** A lone in-memory node with every default, e.g. for a single-node cluster. */
    public StoreNodeConfig(String name, String host, int port) {
        this(name, host, port, List.of(), null, null, null, null, null, null, null, null, null, null, null);
    }

    /** A lone in-memory node named {@code name} on 127.0.0.1 at a free port. */
    public static StoreNodeConfig local(String name) {
        return new StoreNodeConfig(name, "127.0.0.1", 0);
    }

    /** Whether the node runs anti-entropy rounds (a period above zero). */
    public boolean antiEntropy() {
        return !antiEntropyPeriod.isZero();
    }

    /** The write acknowledgements a coordinator waits for: 1 under {@code eventual}. */
    public int effectiveWriteQuorum() {
        return consistency == Consistency.EVENTUAL ? 1 : writeQuorum == null ? replication / 2 + 1 : writeQuorum;
    }

    /** The replica answers a read waits for: 1 under {@code eventual}. */
    public int effectiveReadQuorum() {
        return consistency == Consistency.EVENTUAL ? 1 : readQuorum == null ? replication / 2 + 1 : readQuorum;
    }

    /** Every node's name: this one and its peers. */
    public List<String> nodeNames() {
        List<String> names = new ArrayList<>();
        names.add(name);
        peers.forEach(peer -> names.add(peer.name()));
        return names;
    }

    /** This config as JSON; durations as ISO-8601 ({@code "PT0.5S"}), enums in plan spelling. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the config of store node " + name + " as JSON", e);
        }
    }

    /**
     * Reads a config written by {@link #toJson()} (or by hand: missing components take their defaults).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static StoreNodeConfig fromJson(String json) {
        try {
            return JSON.readValue(json, StoreNodeConfig.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException invalid ? invalid : e;
            throw new IllegalArgumentException("invalid store node config: " + cause.getMessage(), e);
        }
    }

    private static void requireDistinctNames(String self, List<Peer> peers) {
        Set<String> seen = new HashSet<>(Set.of(self));
        for (Peer peer : peers) {
            if (peer == null) {
                throw new IllegalArgumentException("'peers' must not contain null");
            }
            if (!seen.add(peer.name())) {
                throw new IllegalArgumentException("'peers' names node " + peer.name()
                        + (peer.name().equals(self) ? ", which is this node itself" : " twice"));
            }
        }
    }

    private static void requireQuorum(String field, Integer quorum, int replication) {
        if (quorum != null && (quorum < 1 || quorum > replication)) {
            throw new IllegalArgumentException("'" + field + "' must be between 1 and replication (" + replication
                    + "), but is " + quorum);
        }
    }

    private static Duration requirePositive(String field, Duration value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("'" + field + "' must be positive, but is " + value);
        }
        return value;
    }
}
