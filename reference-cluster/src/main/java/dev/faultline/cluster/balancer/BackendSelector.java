package dev.faultline.cluster.balancer;

/**
 * A balancing strategy: chooses the backend for one request (layer 4: one connection). Tries backends in the
 * strategy's order with {@link BackendState#tryAcquire()} and returns the first that accepts, or null when none
 * does. Called from several event loops at once.
 */
interface BackendSelector {
    /** @param key the request's hash key; only consistent hashing reads it */
    BackendState select(String key);

    /** True if {@link #select} reads its key, so callers compute it only then. */
    default boolean usesKey() {
        return false;
    }

    /** The strategy named in the settings, over {@code backends}. */
    static BackendSelector of(BalancerSettings settings, java.util.List<BackendState> backends) {
        return switch (settings.strategy()) {
            case ROUND_ROBIN -> new RoundRobin(backends);
            case LEAST_CONNECTIONS -> new LeastConnections(backends);
            case CONSISTENT_HASH -> new ConsistentHash(HashRing.of(backends, settings.virtualNodes()));
        };
    }
}
