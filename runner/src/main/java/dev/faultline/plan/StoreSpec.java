package dev.faultline.plan;

/** The store nodes {@code n1..nN} and how many replicas each key has. */
public record StoreSpec(Integer nodes, Integer replication) {
    public static final StoreSpec DEFAULTS = new StoreSpec(1, 1);

    public StoreSpec {
        nodes = nodes == null ? 1 : nodes;
        replication = replication == null ? 1 : replication;
        if (nodes < 1 || nodes > 32) {
            throw new IllegalArgumentException("nodes must lie between 1 and 32, not " + nodes);
        }
        if (replication < 1 || replication > nodes) {
            throw new IllegalArgumentException("replication must lie between 1 and nodes (" + nodes + "), not " + replication);
        }
    }
}
