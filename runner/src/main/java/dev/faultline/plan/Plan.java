package dev.faultline.plan;

import java.util.List;

/**
 * A whole plan: what to start, what load to drive, what to break and when, and what must still hold.
 * Built only by {@link PlanParser}, which validates every part; the records themselves check their own fields.
 */
public record Plan(
        String name,
        String description,
        Long seed,
        TargetSpec target,
        LoadSpec load,
        List<FaultSpec> faults,
        List<CheckSpec> checks,
        ReportSpec report) {

    public static final long DEFAULT_SEED = 1L;

    public Plan {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a plan needs a name");
        }
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException(
                    "a plan name may hold letters, digits, '.', '_' and '-' (it names the report folder), not '" + name + "'");
        }
        seed = seed == null ? DEFAULT_SEED : seed;
        if (target == null) {
            throw new IllegalArgumentException("missing key 'target'");
        }
        if (load == null) {
            throw new IllegalArgumentException("missing key 'load'");
        }
        faults = faults == null ? List.of() : List.copyOf(faults);
        checks = checks == null ? List.of() : List.copyOf(checks);
        report = report == null ? ReportSpec.DEFAULTS : report;
    }

    public Plan withSeed(long newSeed) {
        return new Plan(name, description, newSeed, target, load, faults, checks, report);
    }

    public Plan withReport(ReportSpec newReport) {
        return new Plan(name, description, seed, target, load, faults, checks, newReport);
    }
}
