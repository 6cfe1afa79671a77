package dev.faultline.plan;

import java.util.List;

/**
 * What the plan runs against; exactly one kind is given: {@code cluster} (the bundled reference cluster, started by
 * the run) or {@code http} (a system already running).
 */
public record TargetSpec(ClusterSpec cluster, HttpTargetSpec http) {
    public TargetSpec {
        if ((cluster == null) == (http == null)) {
            throw new IllegalArgumentException(cluster == null
                    ? "a target needs one of: cluster, http" : "a target is one of cluster or http, not both");
        }
    }

    /** The links that network faults may name: the cluster's; an http target has none. */
    public List<String> links() {
        return cluster != null ? cluster.links() : List.of();
    }

    /** The target kind's plan key. */
    public String kind() {
        return cluster != null ? "cluster" : "http";
    }
}
