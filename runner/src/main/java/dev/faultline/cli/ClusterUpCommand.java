package dev.faultline.cli;

import dev.faultline.plan.ClusterSpec;
import dev.faultline.plan.Plan;
import dev.faultline.plan.PlanException;
import dev.faultline.plan.PlanParser;
import dev.faultline.target.TargetLauncher;
import dev.faultline.targets.Component;
import dev.faultline.targets.ReferenceClusterTarget;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code faultline cluster up [PLAN]}: starts the reference cluster alone, with the settings of a plan's
 * {@code target.cluster} (or the defaults), prints one line {@code NAME URL} per component and then {@code ready},
 * and runs until Ctrl-C or SIGTERM, stopping every process it started.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start the reference cluster alone, with the settings of a plan's target.cluster (or the "
                + "defaults), print one line 'NAME URL' per component and then 'ready', and run until Ctrl-C or "
                + "SIGTERM. The URLs are the components' own addresses; a plan's load goes through the link "
                + "client->lb of the fault proxy.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped by a signal", "2:the plan or the command line is invalid",
            "3:the cluster could not be started"})
final class ClusterUpCommand implements Callable<Integer> {
    /**
     * The parser reads whole plans; without a plan file, this one stands in for the defaults. Its load is never run.
     */
    private static final String DEFAULT_PLAN = """
            name: cluster-up
            target: { cluster: {} }
            load: { stages: [ { duration: 1s, rate: 1/s } ], requests: [ { name: none, path: / } ] }
            """;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "PLAN", description = "A plan whose target.cluster to start (YAML).")
    Path plan;

    @Option(names = "--nodes", paramLabel = "N", description = "Store nodes n1..nN (overrides the plan's).")
    Integer nodes;

    @Option(names = "--isolation", paramLabel = "process|in-jvm",
            description = "Each component its own process (default), or all inside this JVM.")
    String isolation;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a plan value by its path, e.g. --set target.cluster.store.replication=3")
    List<String> overrides = List.of();

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Where component processes get their folders (data, logs); default: a new temporary directory.")
    Path dir;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        ClusterSpec cluster = clusterSpec(err);
        if (cluster == null) {
            return ExitCode.INVALID.code();
        }
        ReferenceClusterTarget target = TargetLauncher.startCluster(cluster, dir, null);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            target.close();
            stopped.countDown();
        }, "faultline-cluster-down"));
        PrintWriter out = spec.commandLine().getOut();
        target.components().values().stream()
                .sorted(Comparator.comparing(Component::kind))
                .forEach(component -> out.println(component.name() + " " + component.url()));
        out.println("ready");
        out.flush();
        err.println("faultline: " + target.description() + "; stop with Ctrl-C");
        err.flush();
        stopped.await();
        return ExitCode.PASSED.code();
    }

    /** The cluster settings after the plan and the flags, or null when they are invalid (the problems are printed). */
    private ClusterSpec clusterSpec(PrintWriter err) {
        List<String> sets = new ArrayList<>(overrides);
        if (nodes != null) {
            sets.add("target.cluster.store.nodes=" + nodes);
        }
        if (isolation != null) {
            sets.add("target.cluster.isolation=" + isolation);
        }
        try {
            PlanParser parser = new PlanParser();
            Plan parsed = plan != null ? parser.parse(plan, sets) : parser.parse(DEFAULT_PLAN, "cluster-up defaults", sets);
            if (parsed.target().cluster() == null) {
                err.println(plan + ": its target is not the reference cluster (target." + parsed.target().kind()
                        + "); faultline cluster up starts only a target.cluster");
                err.flush();
                return null;
            }
            return parsed.target().cluster();
        } catch (PlanException e) {
            err.println(e.getMessage());
            err.flush();
            return null;
        }
    }
}
