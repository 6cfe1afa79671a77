package dev.faultline.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks of {@code faults} that need the target: link patterns that match no link, partition groups naming
 * unknown components or cutting nothing, and faults that contradict each other. Two faults contradict when they are
 * active at the same time on the same link and at least one of them cuts it (a partition or a blackhole): a cut link
 * carries nothing, so a second cut or a latency, bandwidth or reset on it would have no effect. Faults that only
 * shape a link (latency, bandwidth, reset) may overlap: their effects add up.
 */
final class FaultChecks {
    private final Plan plan;
    private final LocatedTree tree;
    private final List<Problem> problems = new ArrayList<>();
    private final List<String> links;
    private final List<String> components;

    private FaultChecks(Plan plan, LocatedTree tree) {
        this.plan = plan;
        this.tree = tree;
        this.links = plan.target().links();
        this.components = new ArrayList<>(List.of(ClusterSpec.CLIENT));
        this.components.addAll(plan.target().components());
    }

    static List<Problem> check(Plan plan, LocatedTree tree) {
        FaultChecks checks = new FaultChecks(plan, tree);
        List<Map<String, Boolean>> effects = new ArrayList<>();
        for (int i = 0; i < plan.faults().size(); i++) {
            effects.add(checks.effects(i));
        }
        checks.contradictions(effects);
        return checks.problems;
    }

    /** The links fault {@code i} acts on, each with whether it cuts it; reports a fault that acts on none. */
    private Map<String, Boolean> effects(int i) {
        FaultSpec f = plan.faults().get(i);
        String at = "faults[" + i + "]." + f.type();
        Map<String, Boolean> effects = new LinkedHashMap<>();
        if (f.node() != null) {
            return effects;
        }
        if (f.partition() != null) {
            if (!namesKnownComponents(f.partition(), at + ".groups")) {
                return effects;
            }
            f.partition().cuts(links).forEach(cut -> effects.put(cut.link(), true));
            if (effects.isEmpty()) {
                problem(at + ".groups", "partition " + f.partition().describe() + " cuts no link",
                        "a partition cuts the links between its groups; the target's links: " + String.join(", ", links));
            }
            return effects;
        }
        List<String> selected = LinkPattern.select(f.link(), links);
        if (selected.isEmpty()) {
            problem(at + ".link", (f.link().contains("*") ? "link pattern '" : "unknown link '") + f.link() + "'"
                            + (f.link().contains("*") ? " matches no link" : ""),
                    Suggestions.hint(f.link(), links, "the target's links"));
        }
        boolean cuts = f.blackhole() != null;
        selected.forEach(link -> effects.put(link, cuts));
        return effects;
    }

    private boolean namesKnownComponents(PartitionFault partition, String at) {
        boolean known = true;
        for (int g = 0; g < partition.groups().size(); g++) {
            List<String> group = partition.groups().get(g);
            for (int k = 0; k < group.size(); k++) {
                if (!components.contains(group.get(k))) {
                    known = false;
                    problem(at + "[" + g + "][" + k + "]", "unknown component '" + group.get(k) + "'",
                            Suggestions.hint(group.get(k), components, "components"));
                }
            }
        }
        return known;
    }

    private void contradictions(List<Map<String, Boolean>> effects) {
        Duration loadEnd = plan.load().duration();
        List<FaultSpec> faults = plan.faults();
        for (int j = 0; j < faults.size(); j++) {
            for (int i = 0; i < j; i++) {
                FaultSpec a = faults.get(i);
                FaultSpec b = faults.get(j);
                Duration from = a.at().compareTo(b.at()) > 0 ? a.at() : b.at();
                Duration to = a.endOr(loadEnd).compareTo(b.endOr(loadEnd)) < 0 ? a.endOr(loadEnd) : b.endOr(loadEnd);
                if (from.compareTo(to) >= 0) {
                    continue;
                }
                for (Map.Entry<String, Boolean> effect : effects.get(j).entrySet()) {
                    Boolean other = effects.get(i).get(effect.getKey());
                    if (other != null && (other || effect.getValue())) {
                        String cutter = other ? a.name() : b.name();
                        problem("faults[" + j + "]", "fault '" + b.name() + "' contradicts fault '" + a.name()
                                        + "' on link " + effect.getKey() + " from " + Durations.format(from) + " to "
                                        + Durations.format(to) + ": '" + cutter + "' cuts that link",
                                "a cut link carries nothing, so no other fault can act on it at the same time; "
                                        + "move one of them in time or name other links");
                        break;
                    }
                }
            }
        }
    }

    private void problem(String at, String message, String hint) {
        problems.add(tree.problem(at, message, hint));
    }
}
