package dev.faultline.cluster.balancer;

/** How the balancer picks a backend for a request (layer 7) or a connection (layer 4). */
public enum Strategy {
    /** Each request goes to the next usable backend in turn. */
    ROUND_ROBIN,
    /** Each request goes to the usable backend with the fewest requests (layer 4: connections) in progress. */
    LEAST_CONNECTIONS,
    /**
     * Each request goes to the backend that owns its hash key on a ring of virtual nodes, or the next usable
     * backend along the ring when that one is unhealthy or its breaker is open.
     */
    CONSISTENT_HASH
}
