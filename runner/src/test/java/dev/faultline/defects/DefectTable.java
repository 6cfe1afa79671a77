package dev.faultline.defects;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The suite's result table, one row per defect, in Markdown: how often each defect was caught and its cure passed. */
final class DefectTable {
    private final Map<Defect, List<DefectRun>> runs = new LinkedHashMap<>();
    private final List<DefectRun> repeated = new ArrayList<>();

    synchronized void add(DefectRun run) {
        runs.computeIfAbsent(run.defect(), d -> new ArrayList<>()).add(run);
    }

    /** A run that tested nothing and is being repeated. */
    synchronized void repeated(DefectRun run) {
        repeated.add(run);
    }

    synchronized String markdown(int seeds, long wallMs) {
        StringBuilder s = new StringBuilder();
        s.append("| defect | check | caught (runs failed / N) | correct config passed (runs / N) |\n");
        s.append("| --- | --- | ---: | ---: |\n");
        runs.forEach((defect, list) -> {
            long on = list.stream().filter(DefectRun::defectOn).count();
            long caught = list.stream().filter(r -> r.defectOn() && r.outcome()).count();
            long off = list.stream().filter(r -> !r.defectOn()).count();
            long passed = list.stream().filter(r -> !r.defectOn() && r.outcome()).count();
            s.append("| ").append(defect.name()).append(" | `").append(defect.check()).append("`: ")
                    .append(defect.reason()).append(" | ").append(caught).append(" / ").append(on).append(" | ")
                    .append(passed).append(" / ").append(off).append(" |\n");
        });
        s.append("\nN = ").append(seeds).append(" seeds (1..").append(seeds).append(") per defect and configuration; ")
                .append("wall time ").append(String.format("%.1f", wallMs / 1000.0)).append(" s.\n");
        s.append(repeated.isEmpty() ? "Every run tested its configuration at the first attempt.\n"
                : repeated.size() + " run" + (repeated.size() == 1 ? "" : "s") + " tested nothing (no verdict "
                        + "consulted) and " + (repeated.size() == 1 ? "was" : "were") + " repeated once:\n");
        repeated.forEach(run -> s.append("- ").append(run).append('\n'));
        return s.toString();
    }

    /** Every run, one line each, for the log. */
    synchronized String lines() {
        StringBuilder s = new StringBuilder();
        runs.values().forEach(list -> list.forEach(run -> s.append(run).append('\n')));
        return s.toString();
    }
}
