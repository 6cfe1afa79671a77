package dev.faultline.target;

import dev.faultline.cluster.store.Conflicts;
import dev.faultline.cluster.store.Consistency;
import dev.faultline.cluster.store.Durability;
import dev.faultline.plan.ClusterSpec;
import dev.faultline.plan.CommandTargetSpec;
import dev.faultline.plan.ContainerTargetSpec;
import dev.faultline.plan.HttpTargetSpec;
import dev.faultline.plan.StoreSpec;
import dev.faultline.plan.TargetSpec;
import dev.faultline.targets.CommandNodesTarget;
import dev.faultline.targets.CommandTarget;
import dev.faultline.targets.CommandTargetConfig;
import dev.faultline.targets.ContainerTarget;
import dev.faultline.targets.ContainerTargetConfig;
import dev.faultline.targets.HttpTarget;
import dev.faultline.targets.ReferenceClusterConfig;
import dev.faultline.targets.ReferenceClusterTarget;
import dev.faultline.targets.StoreSettings;
import dev.faultline.targets.Target;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Starts (or, for an already running system, connects to) what a plan's {@code target} section names. */
public final class TargetLauncher {
    /** How long an http target may take to accept a TCP connection before the run gives up. */
    static final Duration HTTP_CONNECT_TIMEOUT = Duration.ofSeconds(5);

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
        if (spec.http() != null) {
            HttpTargetSpec http = spec.http();
            return HttpTarget.connect(http.uri(), http.nodes().stream().map(URI::create).toList(), HTTP_CONNECT_TIMEOUT);
        }
        if (spec.command() != null) {
            CommandTargetConfig command = command(spec.command(), workDir, spec.faultProxyUri());
            return command.nodes() == 1 ? CommandTarget.start(command) : CommandNodesTarget.start(command);
        }
        if (spec.container() != null) {
            return ContainerTarget.start(container(spec.container(), workDir, spec.faultProxyUri()));
        }
        return startCluster(spec.cluster(), workDir, spec.faultProxyUri());
    }

    /**
     * The command target a plan's {@code target.command} describes; each instance's output goes to
     * {@code <workDir>/<instance>/}, and with several nodes the balancer's log to {@code <workDir>/lb/}.
     */
    static CommandTargetConfig command(CommandTargetSpec command, Path workDir, URI faultProxy) {
        return new CommandTargetConfig(command.name(), command.run(), command.env(),
                command.port() == null ? 0 : command.port(), command.ready(), command.readyTimeout(),
                command.dir() == null ? null : Path.of(command.dir()), workDir, faultProxy, command.nodes(),
                command.nodes() == 1 ? null
                        : BalancerSettingsFromPlan.forNodes(command.balancer(),
                                CommandTargetConfig.healthPath(command.ready())));
    }

    /** The container target a plan's {@code target.container} describes; its log goes to {@code <workDir>/<name>/}. */
    static ContainerTargetConfig container(ContainerTargetSpec container, Path workDir, URI faultProxy) {
        Map<String, Path> files = new LinkedHashMap<>();
        container.files().forEach((inContainer, onHost) -> files.put(inContainer, Path.of(onHost)));
        return new ContainerTargetConfig(container.name(), container.image(), container.ports(), container.env(),
                container.command(), files, container.waitFor(), container.readyTimeout(), workDir, faultProxy);
    }

    /**
     * Starts the reference cluster a plan's {@code target.cluster} describes.
     *
     * @param faultProxy a Toxiproxy-compatible server to carry the links, or null to start one with the cluster
     */
    public static ReferenceClusterTarget startCluster(ClusterSpec cluster, Path workDir, URI faultProxy) {
        return ReferenceClusterTarget.start(new ReferenceClusterConfig(cluster.store().nodes(), null,
                isolation(cluster.isolation()), workDir, faultProxy, store(cluster.store()),
                BalancerSettingsFromPlan.of(cluster)));
    }

    static StoreSettings store(StoreSpec store) {
        return new StoreSettings(store.replication(), Consistency.valueOf(store.consistency().name()),
                store.writeQuorum(), store.readQuorum(), Conflicts.valueOf(store.conflicts().name()),
                Durability.valueOf(store.durability().name()), store.antiEntropy(), store.hintedHandoff());
    }

    static ReferenceClusterConfig.Isolation isolation(ClusterSpec.Isolation isolation) {
        return switch (isolation) {
            case IN_JVM -> ReferenceClusterConfig.Isolation.IN_JVM;
            case PROCESS -> ReferenceClusterConfig.Isolation.PROCESS;
        };
    }
}
