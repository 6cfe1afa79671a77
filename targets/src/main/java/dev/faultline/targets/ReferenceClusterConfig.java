package dev.faultline.targets;

import dev.faultline.cluster.balancer.BalancerSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to start the bundled reference cluster: {@code storeNodes} store nodes {@code n1..nN} behind one balancer
 * {@code lb}, every component on a free 127.0.0.1 port.
 *
 * @param storeNodes     at least 1
 * @param backendTimeout the balancer's backend timeout; 10 s if null
 * @param isolation      where components run; {@link Isolation#IN_JVM} if null
 * @param workDir        with process isolation, the directory that gets one folder per component (its data,
 *                       description and logs); a new temporary directory if null
 * @param faultProxy     when not null, the API of a Toxiproxy-compatible server on this machine that carries the links
 *                       instead of a fault proxy started with the cluster
 * @param store          what every store node shares (replication, consistency, conflicts, durability); defaults if null
 * @param balancer       layer, strategy, health checks, breakers and limits of {@code lb} (and, with
 *                       {@link BalancerSettings#standby()}, of its standby {@code lb2}); null: layer 7 round-robin
 *                       without health checks, breakers or limits
 */
public record ReferenceClusterConfig(
        int storeNodes, Duration backendTimeout, Isolation isolation, Path workDir, URI faultProxy,
        StoreSettings store, BalancerSettings balancer) {
    public static final String HOST = "127.0.0.1";

    /** Where the components of the cluster run. */
    public enum Isolation {
        /** Inside this JVM: fast, for tests; no process faults. */
        IN_JVM,
        /** Each its own OS process, so a crash is a real kill -9 and a pause a real SIGSTOP. */
        PROCESS
    }

    public ReferenceClusterConfig {
        if (storeNodes < 1) {
            throw new IllegalArgumentException("a reference cluster needs at least one store node, not " + storeNodes);
        }
        backendTimeout = backendTimeout == null ? Duration.ofSeconds(10) : backendTimeout;
        isolation = isolation == null ? Isolation.IN_JVM : isolation;
        store = store == null ? StoreSettings.DEFAULTS : store;
        balancer = balancer == null ? BalancerSettings.DEFAULTS : balancer;
    }

    /** A cluster with the store's and the balancer's default settings. */
    public ReferenceClusterConfig(int storeNodes, Duration backendTimeout, Isolation isolation, Path workDir,
                                  URI faultProxy) {
        this(storeNodes, backendTimeout, isolation, workDir, faultProxy, null, null);
    }

    /** A cluster inside this JVM, with default settings, whose links go through a fault proxy started with it. */
    public ReferenceClusterConfig(int storeNodes, Duration backendTimeout) {
        this(storeNodes, backendTimeout, Isolation.IN_JVM, null, null, null, null);
    }
}
