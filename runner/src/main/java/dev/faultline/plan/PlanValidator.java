package dev.faultline.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks that span more than one record, run after binding: names that must refer to something (links, requests,
 * windows), names that must be unique, and templates. Every problem is reported.
 */
final class PlanValidator {
    private final Plan plan;
    private final LocatedTree tree;
    private final List<Problem> problems = new ArrayList<>();

    private PlanValidator(Plan plan, LocatedTree tree) {
        this.plan = plan;
        this.tree = tree;
    }

    static List<Problem> validate(Plan plan, LocatedTree tree) {
        PlanValidator v = new PlanValidator(plan, tree);
        v.load();
        v.requests();
        v.faults();
        v.checks();
        return v.problems;
    }

    private void load() {
        LoadSpec load = plan.load();
        for (int i = 0; i < load.stages().size(); i++) {
            String problem = load.stageProblem(i);
            if (problem != null) {
                String at = "load.stages[" + i + "]";
                problem(tree.at(at + ".users").isMissingNode() ? at + ".rate" : at + ".users", problem, null);
            }
        }
        if (given("load.workload") && given("load.requests")) {
            problem("load.workload", "give a 'workload' or 'requests', not both",
                    "workload '" + tree.at("load.workload").asText() + "' stands for its own requests; remove one of the two");
        }
        if (load.model() == LoadSpec.Model.OPEN && given("load.think-time")) {
            problem("load.think-time", "think-time belongs to the closed model: open-model arrivals follow the rate",
                    "set load.model: closed with stages of users, or remove think-time");
        }
        if (load.model() == LoadSpec.Model.CLOSED && given("load.arrivals")) {
            problem("load.arrivals", "arrivals belongs to the open model: closed-model users send when they are ready",
                    "remove arrivals, or set load.model: open with stages of rates");
        }
    }

    private boolean given(String path) {
        return !tree.at(path).isMissingNode();
    }

    private void requests() {
        Map<String, Integer> seen = new HashMap<>();
        List<RequestSpec> requests = plan.load().requests();
        for (int i = 0; i < requests.size(); i++) {
            RequestSpec r = requests.get(i);
            String at = "load.requests[" + i + "]";
            unique(seen, r.name(), i, at + ".name", "load.requests[%d].name", "request name");
            template(at + ".path", r.path());
            r.headers().forEach((name, value) -> template(at + ".headers." + name, value));
            if (r.body() != null) {
                template(at + ".body", r.body());
            }
        }
    }

    private void template(String at, String text) {
        try {
            Template.parse(text);
        } catch (IllegalArgumentException e) {
            problem(at, e.getMessage(), null);
        }
    }

    private void faults() {
        List<String> links = plan.target().links();
        Duration end = plan.load().duration();
        Map<String, Integer> seen = new HashMap<>();
        List<FaultSpec> faults = plan.faults();
        for (int i = 0; i < faults.size(); i++) {
            FaultSpec f = faults.get(i);
            String at = "faults[" + i + "]";
            String nameAt = tree.at(at + ".name").isMissingNode() ? at : at + ".name";
            unique(seen, f.name(), i, nameAt, "faults[%d]", "fault name");
            if (Windows.BUILT_IN.contains(f.name())) {
                problem(nameAt, "a fault cannot be named '" + f.name() + "': that is the name of a built-in window",
                        "built-in windows: " + String.join(", ", Windows.BUILT_IN));
            }
            if (links.isEmpty() && f.node() == null) {
                String kindAt = at + "." + f.type();
                problem(given(kindAt + ".link") ? kindAt + ".link" : kindAt, "the " + plan.target().kind() + " target has no links for network faults",
                        "network faults need a target whose links pass through the fault proxy (target.cluster, command or container); "
                                + "against an already running system, drive load and check it without link faults");
            }
            if (f.at().compareTo(end) >= 0) {
                problem(at + ".at", "fault '" + f.name() + "' starts at " + Durations.format(f.at())
                        + ", when the load has already ended (at " + Durations.format(end) + ")",
                        "start it before " + Durations.format(end) + " or make load.stages longer");
            }
        }
        if (!links.isEmpty()) {
            problems.addAll(FaultChecks.check(plan, tree));
        }
        problems.addAll(NodeFaultChecks.check(plan, tree));
    }

    private void checks() {
        List<String> requestNames = plan.load().requests().stream().map(RequestSpec::name).distinct().toList();
        List<String> windows = new ArrayList<>(Windows.BUILT_IN);
        plan.faults().forEach(f -> windows.add(f.name()));
        List<CheckSpec> checks = plan.checks();
        for (int i = 0; i < checks.size(); i++) {
            CheckSpec c = checks.get(i);
            String at = "checks[" + i + "]." + c.type();
            String request = c.kind().request();
            String window = c.kind().window();
            if (request != null && !requestNames.contains(request)) {
                problem(at + ".request", "no request is named '" + request + "'",
                        Suggestions.hint(request, requestNames, "requests of load.requests"));
            }
            needs(c, at);
            if (!windows.contains(window)) {
                problem(at + ".window", "no window is named '" + window + "'",
                        Suggestions.hint(window, windows, "windows"));
            } else if (plan.faults().isEmpty() && !window.equals(Windows.ALL)) {
                problem(at + ".window", "window '" + window + "' needs faults, and the plan has none",
                        "use window 'all', or add a fault under 'faults'");
            }
        }
    }

    /** What each kind of check needs of the target and the load. */
    private void needs(CheckSpec c, String at) {
        ClusterSpec cluster = plan.target().cluster();
        boolean setWorkload = plan.load().workload() == Workload.SET;
        if ((c.convergence() != null || c.lostWrites() != null) && cluster == null) {
            problem(at, "a " + c.type() + " check needs store nodes to read, and the " + plan.target().kind()
                    + " target has none", "use target.cluster, or remove the check");
        }
        if (c.lostWrites() != null && !setWorkload && plan.load().workload() != Workload.REGISTER) {
            problem(at, "a lost-writes check needs the set or register workload, whose every write is unique",
                    "set load.workload: set (with target.cluster.store.conflicts: set-union) or register");
        }
        if (c.staleReads() != null && !setWorkload) {
            problem(at, "a stale-reads check needs the set workload, whose every element is unique",
                    "set load.workload: set (and target.cluster.store.conflicts: set-union)");
        }
        if (c.breaker() != null) {
            List<String> nodes = cluster == null ? List.of() : cluster.storeNodes();
            if (!nodes.contains(c.breaker().backend())) {
                problem(at + ".backend", "no store node is named '" + c.breaker().backend() + "'",
                        Suggestions.hint(c.breaker().backend(), nodes, "store nodes"));
            } else if (cluster.breaker() == null) {
                problem(at, "a breaker check needs the balancer's breakers", "add target.cluster.breaker");
            }
        }
        CommandTargetSpec command = plan.target().command();
        boolean standby = cluster != null ? cluster.balancer().standby()
                : command != null && command.balancers().contains(ClusterSpec.STANDBY_BALANCER);
        if (c.failover() != null && !standby) {
            problem(at, "a failover check needs a standby balancer to take over when lb dies",
                    "set target." + (command != null ? "command" : "cluster") + ".balancer.standby: true"
                            + (command != null && command.nodes() == 1 ? " with nodes: 2 or more" : "")
                            + " and crash lb, e.g. { at: 5s, crash: { node: lb } }");
        }
        if (c.rateLimit() != null && cluster != null && cluster.limiter() == null) {
            problem(at, "a rate-limit check needs a limiter: the reference cluster's balancer limits nobody without one",
                    "add target.cluster.limiter, e.g. { rate: 50/s, burst: 10 }");
        }
    }

    /** Reports {@code name} when an earlier entry has it too, pointing at the first one. */
    private void unique(Map<String, Integer> seen, String name, int index, String at, String firstFormat, String what) {
        Integer first = seen.putIfAbsent(name, index);
        if (first != null) {
            LocatedTree.Mark m = tree.valueMark(String.format(firstFormat, first));
            String where = m.override() != null ? "set by --set '" + m.override() + "'"
                    : "line " + m.line() + ", column " + m.column();
            problem(at, "duplicate " + what + " '" + name + "'", "first used at " + where + "; names must be unique");
        }
    }

    private void problem(String at, String message, String hint) {
        problems.add(tree.problem(at, message, hint));
    }
}
