package dev.faultline.target;

import dev.faultline.plan.ClusterSpec;
import dev.faultline.plan.HttpTargetSpec;
import dev.faultline.plan.TargetSpec;
import dev.faultline.targets.HttpTarget;
import dev.faultline.targets.ReferenceClusterConfig;
import dev.faultline.targets.ReferenceClusterTarget;
import dev.faultline.targets.Target;
import java.net.URI;
import java.time.Duration;

/** Starts (or, for an already running system, connects to) what a plan's {@code target} section names. */
public final class TargetLauncher {
    /** How long an http target may take to accept a TCP connection before the run gives up. */
    static final Duration HTTP_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private TargetLauncher() {
    }

    public static Target start(TargetSpec spec) {
        if (spec.http() != null) {
            HttpTargetSpec http = spec.http();
            return HttpTarget.connect(http.uri(), http.nodes().stream().map(URI::create).toList(), HTTP_CONNECT_TIMEOUT);
        }
        ClusterSpec cluster = spec.cluster();
        return ReferenceClusterTarget.start(new ReferenceClusterConfig(cluster.store().nodes(), null));
    }
}
