package dev.faultline.observe;

import java.util.List;

/**
 * What a run observed of the target beyond its own requests: the components' scraped metrics, the convergence probe
 * (null when not made: no store nodes) and the acknowledged writes read back from the replicas (null when not made:
 * no acknowledged writes or no store nodes).
 */
public record Observations(List<MetricSeries> metrics, Convergence convergence, ReplicaReadout replicas) {
    public static final Observations NONE = new Observations(List.of(), null, null);

    public Observations {
        metrics = List.copyOf(metrics);
    }
}
