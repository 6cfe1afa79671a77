package dev.faultline.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Duration;

/**
 * The store nodes {@code n1..nN}: how many replicas each key has, the CAP choice, how conflicts resolve, how
 * durable an acknowledged write is and which convergence machinery runs. Every field has a default
 * (docs/plan-reference.md).
 *
 * @param antiEntropy   how often replicas compare their state; {@link Duration#ZERO} ({@code anti-entropy: off}):
 *                      never, a seeded defect
 * @param hintedHandoff default true; false: writes a replica missed are not kept for it, a seeded defect
 */
public record StoreSpec(
        Integer nodes, Integer replication, Consistency consistency, Integer writeQuorum, Integer readQuorum,
        Conflicts conflicts, Durability durability, @JsonDeserialize(using = PeriodOrOff.class) Duration antiEntropy,
        Boolean hintedHandoff) {

    public static final StoreSpec DEFAULTS = new StoreSpec(null, null, null, null, null, null, null, null, null);

    /** Eventual: any replica acknowledges, the others follow; quorum: a majority (or W/R) must answer. */
    public enum Consistency {
        @JsonProperty("eventual") EVENTUAL,
        @JsonProperty("quorum") QUORUM
    }

    /** How concurrent writes to one key resolve. */
    public enum Conflicts {
        @JsonProperty("lww") LWW,
        @JsonProperty("version-vectors") VERSION_VECTORS,
        @JsonProperty("set-union") SET_UNION
    }

    /** When an acknowledged write is on disk: before the acknowledgement, soon after, or never. */
    public enum Durability {
        @JsonProperty("fsync") FSYNC,
        @JsonProperty("async") ASYNC,
        @JsonProperty("none") NONE
    }

    public StoreSpec {
        nodes = nodes == null ? 1 : nodes;
        if (nodes < 1 || nodes > 32) {
            throw new IllegalArgumentException("nodes must lie between 1 and 32, not " + nodes);
        }
        replication = replication == null ? Math.min(3, nodes) : replication;
        if (replication < 1 || replication > nodes) {
            throw new IllegalArgumentException("replication must lie between 1 and nodes (" + nodes + "), not " + replication);
        }
        consistency = consistency == null ? Consistency.EVENTUAL : consistency;
        quorum("write-quorum", writeQuorum, replication);
        quorum("read-quorum", readQuorum, replication);
        if (consistency == Consistency.EVENTUAL && (writeQuorum != null || readQuorum != null)) {
            throw new IllegalArgumentException("write-quorum and read-quorum belong to consistency: quorum "
                    + "(eventual writes and reads need one replica)");
        }
        conflicts = conflicts == null ? Conflicts.LWW : conflicts;
        durability = durability == null ? Durability.FSYNC : durability;
        antiEntropy = antiEntropy == null ? Duration.ofSeconds(1) : antiEntropy;
        if (antiEntropy.isNegative()) {
            throw new IllegalArgumentException("anti-entropy must be a period longer than 0, e.g. 1s, or off");
        }
        hintedHandoff = hintedHandoff == null ? Boolean.TRUE : hintedHandoff;
    }

    /** {@code nodes} nodes with {@code replication} replicas per key, every other setting its default. */
    public StoreSpec(Integer nodes, Integer replication) {
        this(nodes, replication, null, null, null, null, null, null, null);
    }

    /** Whether replicas run anti-entropy ({@code anti-entropy} is not {@code off}). */
    public boolean antiEntropyOn() {
        return !antiEntropy.isZero();
    }

    private static void quorum(String key, Integer quorum, int replication) {
        if (quorum != null && (quorum < 1 || quorum > replication)) {
            throw new IllegalArgumentException(key + " must lie between 1 and replication (" + replication + "), not " + quorum);
        }
    }
}
