package dev.faultline.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks of the faults on one component ({@code crash}, {@code pause}, {@code clock-skew}) that need the target:
 * the node must be a component of the cluster; crash and pause need it to be its own process ({@code isolation:
 * process}); clock-skew needs a store node (the store's admin hook). Two such faults on the same node at the same time
 * contradict: a dead process cannot be paused, a restart drops a skew, a second skew replaces the first, and the heal
 * of one would undo the other.
 */
final class NodeFaultChecks {
    private final Plan plan;
    private final LocatedTree tree;
    private final List<Problem> problems = new ArrayList<>();

    private NodeFaultChecks(Plan plan, LocatedTree tree) {
        this.plan = plan;
        this.tree = tree;
    }

    static List<Problem> check(Plan plan, LocatedTree tree) {
        NodeFaultChecks checks = new NodeFaultChecks(plan, tree);
        List<FaultSpec> faults = plan.faults();
        List<Boolean> known = new ArrayList<>();
        for (int i = 0; i < faults.size(); i++) {
            known.add(faults.get(i).node() != null && checks.node(i));
        }
        checks.overlaps(known);
        return checks.problems;
    }

    /** Whether the node of fault {@code i} exists and can take its kind; reports it if not. */
    private boolean node(int i) {
        FaultSpec f = plan.faults().get(i);
        String at = "faults[" + i + "]." + f.type() + ".node";
        ClusterSpec cluster = plan.target().cluster();
        boolean clock = f.clockSkew() != null;
        if (f.disconnect() != null && plan.target().container() == null) {
            problem(at, "disconnect acts on a container (target.container), and this is a " + plan.target().kind()
                    + " target", "to cut a component off the network here, use a partition of its links");
            return false;
        }
        if (cluster == null && !clock && !plan.target().components().isEmpty()) {
            List<String> services = plan.target().components();
            if (!services.contains(f.node())) {
                problem(at, "unknown component '" + f.node() + "'", Suggestions.hint(f.node(), services, "components"));
                return false;
            }
            return true; // a command's process or a container: the run started it and controls it
        }
        if (cluster == null && clock && !plan.target().components().isEmpty()) {
            problem(at, "clock-skew needs a store node of the reference cluster (it goes through the store's clock "
                            + "hook), and this is a " + plan.target().kind() + " target",
                    "a process the run starts keeps the machine's clock; give your service its own clock offset "
                            + "setting and set it from the plan (env) to test skew there");
            return false;
        }
        if (cluster == null) {
            problem(at, "the " + plan.target().kind() + " target has no components the run controls",
                    f.type() + " acts on a component the run started (target.cluster); a running system's "
                            + "processes and clocks are not the run's to change");
            return false;
        }
        List<String> nodes = clock ? cluster.storeNodes() : cluster.components();
        if (!nodes.contains(f.node())) {
            problem(at, (clock && cluster.components().contains(f.node())
                            ? "clock-skew needs a store node, and '" + f.node() + "' is not one"
                            : "unknown component '" + f.node() + "'"),
                    Suggestions.hint(f.node(), nodes, clock ? "store nodes (the clock hook is theirs)" : "components"));
            return false;
        }
        if (!clock && cluster.isolation() == ClusterSpec.Isolation.IN_JVM) {
            problem(at, "cannot " + f.type() + " '" + f.node() + "': with isolation in-jvm it runs inside the runner, "
                            + "not as a process of its own",
                    "set target.cluster.isolation: process (the default) so that each component is its own process");
            return false;
        }
        return true;
    }

    private void overlaps(List<Boolean> known) {
        Duration loadEnd = plan.load().duration();
        List<FaultSpec> faults = plan.faults();
        for (int j = 0; j < faults.size(); j++) {
            for (int i = 0; i < j; i++) {
                FaultSpec a = faults.get(i);
                FaultSpec b = faults.get(j);
                if (!known.get(i) || !known.get(j) || !a.node().equals(b.node())) {
                    continue;
                }
                Duration from = a.at().compareTo(b.at()) > 0 ? a.at() : b.at();
                Duration to = a.endOr(loadEnd).compareTo(b.endOr(loadEnd)) < 0 ? a.endOr(loadEnd) : b.endOr(loadEnd);
                if (from.compareTo(to) < 0) {
                    problem("faults[" + j + "]", "fault '" + b.name() + "' contradicts fault '" + a.name() + "' on "
                                    + b.node() + " from " + Durations.format(from) + " to " + Durations.format(to)
                                    + ": both act on that component at once",
                            "a crashed process cannot be paused, a restart drops a clock skew, a second skew replaces "
                                    + "the first; move one of them in time");
                }
            }
        }
    }

    private void problem(String at, String message, String hint) {
        problems.add(tree.problem(at, message, hint));
    }
}
