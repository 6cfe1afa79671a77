package dev.faultline.targets;

import java.net.URI;
import java.time.Duration;

/**
 * How to start the bundled reference cluster: {@code storeNodes} store nodes {@code n1..nN} behind one layer-7
 * round-robin balancer {@code lb}, every component inside this JVM on a free 127.0.0.1 port. {@code faultProxy}, when
 * not null, is the API of a Toxiproxy-compatible server on this machine that carries the links instead of a fault
 * proxy started with the cluster.
 */
public record ReferenceClusterConfig(int storeNodes, Duration backendTimeout, URI faultProxy) {
    public static final String HOST = "127.0.0.1";

    public ReferenceClusterConfig {
        if (storeNodes < 1) {
            throw new IllegalArgumentException("a reference cluster needs at least one store node, not " + storeNodes);
        }
        backendTimeout = backendTimeout == null ? Duration.ofSeconds(10) : backendTimeout;
    }

    /** A cluster whose links go through a fault proxy started with it. */
    public ReferenceClusterConfig(int storeNodes, Duration backendTimeout) {
        this(storeNodes, backendTimeout, null);
    }
}
