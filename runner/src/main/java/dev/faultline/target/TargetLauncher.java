package dev.faultline.target;

import dev.faultline.plan.ClusterSpec;
import dev.faultline.plan.TargetSpec;
import dev.faultline.targets.ReferenceClusterConfig;
import dev.faultline.targets.ReferenceClusterTarget;
import dev.faultline.targets.Target;

/** Starts what a plan's {@code target} section names. */
public final class TargetLauncher {
    private TargetLauncher() {
    }

    public static Target start(TargetSpec spec) {
        ClusterSpec cluster = spec.cluster();
        return ReferenceClusterTarget.start(new ReferenceClusterConfig(cluster.store().nodes(), null,
                BalancerSettingsFromPlan.of(cluster)));
    }
}
