package dev.faultline.target;

import dev.faultline.plan.ClusterSpec;
import dev.faultline.plan.TargetSpec;
import dev.faultline.targets.ReferenceClusterConfig;
import dev.faultline.targets.ReferenceClusterTarget;
import dev.faultline.targets.Target;
import java.net.URI;
import java.nio.file.Path;

/** Starts what a plan's {@code target} section names. */
public final class TargetLauncher {
    private TargetLauncher() {
    }

    /** Starts the target; component processes, if any, get their folders in a new temporary directory. */
    public static Target start(TargetSpec spec) {
        return start(spec, null);
    }

    /**
     * Starts the target.
     *
     * @param workDir where component processes get their folders (data, description, logs), e.g. the run's report
     *                folder's {@code cluster/}; a new temporary directory if null
     */
    public static Target start(TargetSpec spec, Path workDir) {
        return startCluster(spec.cluster(), workDir, spec.faultProxyUri());
    }

    /**
     * Starts the reference cluster a plan's {@code target.cluster} describes.
     *
     * @param faultProxy a Toxiproxy-compatible server to carry the links, or null to start one with the cluster
     */
    public static ReferenceClusterTarget startCluster(ClusterSpec cluster, Path workDir, URI faultProxy) {
        return ReferenceClusterTarget.start(new ReferenceClusterConfig(cluster.store().nodes(), null,
                isolation(cluster.isolation()), workDir, faultProxy));
    }

    static ReferenceClusterConfig.Isolation isolation(ClusterSpec.Isolation isolation) {
        return switch (isolation) {
            case IN_JVM -> ReferenceClusterConfig.Isolation.IN_JVM;
            case PROCESS -> ReferenceClusterConfig.Isolation.PROCESS;
        };
    }
}
