package dev.faultline.report;

import dev.faultline.check.Numbers;
import dev.faultline.check.Verdict;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** The summary a person reads in a terminal or a CI log: the load's figures, then a table of checks, then the verdict. */
public final class ConsoleSummary {
    /** Details shown per failed check; results.json has them all. */
    private static final int MAX_DETAILS = 5;
    private final PrintWriter out;

    public ConsoleSummary(PrintWriter out) {
        this.out = out;
    }

    public void print(Results results, String reportDir) {
        Results.Load load = results.load();
        if ("closed".equals(load.model())) { // no target rate: the users set the pace
            out.printf(Locale.ROOT, "%nload      closed: %d users, %d iterations, achieved %.1f/s, %d sent, %d completed%n",
                    load.users(), load.iterations(), load.achievedRate(), load.sent(), load.completed());
        } else {
            out.printf(Locale.ROOT, "%nload      %s: target %.1f/s, achieved %.1f/s, %d sent, %d completed, %d dropped%n",
                    load.model(), load.targetRate(), load.achievedRate(), load.sent(), load.completed(), load.dropped());
        }
        results.requests().forEach((name, r) -> out.printf(Locale.ROOT,
                "request   %-12s %7d sent, %7d ok  p50 %s  p99 %s  max %s%s%n", name, r.count(), r.ok(),
                Numbers.ms(r.latencyMs().p50()), Numbers.ms(r.latencyMs().p99()), Numbers.ms(r.latencyMs().max()),
                errors(r.errors())));
        results.faults().forEach(f -> out.printf(Locale.ROOT, "fault     %-12s %s %s from %.1fs to %s%n",
                f.name(), f.type(), f.target(), f.startMs() / 1000.0,
                f.endMs() == null ? "the end" : String.format(Locale.ROOT, "%.1fs", f.endMs() / 1000.0)));
        if (results.faultsHealed() != null && !results.faults().isEmpty()) {
            out.println(results.faultsHealed().verified()
                    ? "healed    every fault: no toxic or disabled proxy, no stopped or dead process, no skewed clock left"
                    : "LEFT      " + String.join("; ", results.faultsHealed().leftovers()));
        }
        if (!results.checks().isEmpty()) {
            int width = Math.max(5, results.checks().stream().mapToInt(v -> v.name().length()).max().orElse(5));
            int windowWidth = Math.max(6, results.checks().stream().mapToInt(v -> v.window().length()).max().orElse(6));
            String row = "  %-4s  %-" + width + "s  %-" + windowWidth + "s  %10s  %12s%n";
            out.println();
            out.printf(Locale.ROOT, row, "", "CHECK", "WINDOW", "OBSERVED", "LIMIT");
            for (Verdict v : results.checks()) {
                out.printf(Locale.ROOT, row, v.passed() ? "PASS" : "FAIL", v.name(), v.window(),
                        Numbers.withUnit(v.observed(), v.unit()), bound(v) + Numbers.withUnit(v.limit(), v.unit()));
            }
            for (Verdict v : results.checks()) {
                if (!v.passed()) {
                    out.println("  FAIL  " + v.message());
                    v.details().stream().limit(MAX_DETAILS).forEach(d -> out.println("          " + d));
                    if (v.details().size() > MAX_DETAILS) {
                        out.println("          ... " + (v.details().size() - MAX_DETAILS) + " more in results.json");
                    }
                }
            }
        }
        out.println();
        if (results.error() != null) {
            out.println("ERROR   " + results.plan() + ": the run could not be carried out: " + results.error());
        } else {
            long failed = results.failedChecks();
            int total = results.checks().size();
            out.printf(Locale.ROOT, "%s  %s: %d of %d checks held%n", results.passed() ? "PASSED" : "FAILED",
                    results.plan(), total - failed, total);
        }
        out.println("report    " + reportDir);
    }

    private static String bound(Verdict v) {
        return switch (v.type()) {
            case "availability" -> ">= ";
            case "rate-limit" -> v.unit().equals("/s") ? "~ " : "<= ";
            default -> "<= ";
        };
    }

    private static String errors(Map<String, Long> errors) {
        if (errors.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("  errors");
        errors.forEach((kind, n) -> s.append(' ').append(kind).append('=').append(n));
        return s.toString();
    }
}
