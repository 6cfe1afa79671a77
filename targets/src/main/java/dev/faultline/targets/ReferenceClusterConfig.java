package dev.faultline.targets;

import dev.faultline.cluster.balancer.BalancerSettings;
import java.time.Duration;

/**
 * How to start the bundled reference cluster: {@code storeNodes} store nodes {@code n1..nN} behind one balancer
 * {@code lb}, every component inside this JVM on a free 127.0.0.1 port.
 *
 * @param balancer layer, strategy, health checks, breakers and limits of {@code lb}; null: layer 7 round-robin
 *                 without health checks, breakers or limits
 */
public record ReferenceClusterConfig(int storeNodes, Duration backendTimeout, BalancerSettings balancer) {
    public static final String HOST = "127.0.0.1";

    public ReferenceClusterConfig {
        if (storeNodes < 1) {
            throw new IllegalArgumentException("a reference cluster needs at least one store node, not " + storeNodes);
        }
        backendTimeout = backendTimeout == null ? Duration.ofSeconds(10) : backendTimeout;
        balancer = balancer == null ? BalancerSettings.DEFAULTS : balancer;
    }

    /** A cluster whose balancer has the default settings. */
    public ReferenceClusterConfig(int storeNodes, Duration backendTimeout) {
        this(storeNodes, backendTimeout, null);
    }
}
