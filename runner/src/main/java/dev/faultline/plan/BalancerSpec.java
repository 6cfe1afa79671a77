package dev.faultline.plan;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The load balancer {@code lb} in front of the store nodes. */
public record BalancerSpec(Integer layer, Strategy strategy) {
    public static final BalancerSpec DEFAULTS = new BalancerSpec(7, Strategy.ROUND_ROBIN);

    /** How the balancer picks a backend for a request. */
    public enum Strategy {
        @JsonProperty("round-robin") ROUND_ROBIN
    }

    public BalancerSpec {
        layer = layer == null ? 7 : layer;
        strategy = strategy == null ? Strategy.ROUND_ROBIN : strategy;
        if (layer != 7) {
            throw new IllegalArgumentException("layer must be 7 (HTTP), not " + layer);
        }
    }
}
