package dev.faultline.plan;

/** What the plan runs against; exactly one kind is given. Only the bundled reference cluster so far. */
public record TargetSpec(ClusterSpec cluster) {
    public TargetSpec {
        if (cluster == null) {
            throw new IllegalArgumentException("a target needs one of: cluster");
        }
    }
}
