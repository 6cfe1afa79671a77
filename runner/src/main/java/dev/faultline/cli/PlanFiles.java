package dev.faultline.cli;

import dev.faultline.plan.Plan;
import dev.faultline.plan.PlanException;
import dev.faultline.plan.PlanParser;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Parses every plan of a command before anything starts, printing all problems of all plans at once. */
final class PlanFiles {
    private PlanFiles() {
    }

    /** The parsed plans, or null when any plan is invalid (its problems have been printed). */
    static List<Plan> parseAll(List<Path> files, List<String> overrides, Long seed, PrintWriter err) {
        PlanParser parser = new PlanParser();
        List<Plan> plans = new ArrayList<>();
        boolean valid = true;
        for (Path file : files) {
            try {
                Plan plan = parser.parse(file, overrides);
                plans.add(seed == null ? plan : plan.withSeed(seed));
            } catch (PlanException e) {
                err.println(e.getMessage());
                valid = false;
            }
        }
        err.flush();
        return valid ? plans : null;
    }
}
