package dev.faultline.compare;

import dev.faultline.check.Numbers;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints a comparison: per request, each percentile's baseline, current value and change; then the verdict. */
public final class ComparisonPrinter {
    private final PrintWriter out;

    public ComparisonPrinter(PrintWriter out) {
        this.out = out;
    }

    public void print(Comparison c) {
        Thresholds t = c.thresholds();
        out.printf(Locale.ROOT, "compare   baseline %s%n          current  %s%n", c.baseline(), c.current());
        out.printf(Locale.ROOT, "rule      a percentile shifted when it rose by >= %s and >= %s; a request regressed when %d "
                        + "judged percentiles shifted, or its availability fell by > %s%n", Numbers.ms(t.minShiftMs()),
                Numbers.percent(t.relativePercent()), t.minPercentiles(), Numbers.points(t.availabilityPoints()));
        out.println("latency   " + (c.fullDistributions() ? "whole distributions, from the latency.hlog files"
                : "percentiles from results.json (no latency.hlog beside both files)"));
        for (Comparison.RequestComparison r : c.requests()) {
            out.printf(Locale.ROOT, "%nrequest   %s: %s%n", r.request(), r.regressed() ? "REGRESSED" : "ok");
            for (Comparison.Shift s : r.shifts()) {
                out.printf(Locale.ROOT, "  %-6s %10s -> %-10s %s%s%n", s.percentile(), Numbers.ms(s.baselineMs()),
                        Numbers.ms(s.currentMs()), change(s), s.significant() ? "  shifted"
                        : s.compared() ? "" : "  (not judged: under " + t.minTailSamples() + " requests above it)");
            }
            out.printf(Locale.ROOT, "  %-6s %10s -> %-10s %+.2f points%s%n", "avail", Numbers.percent(r.baselineAvailability()),
                    Numbers.percent(r.currentAvailability()), r.currentAvailability() - r.baselineAvailability(),
                    r.availabilityRegressed() ? "  regressed" : "");
        }
        c.notes().forEach(n -> out.println("note      " + n));
        long regressed = c.requests().stream().filter(Comparison.RequestComparison::regressed).count();
        out.println();
        out.println(regressed == 0 ? "NO REGRESSION  " + c.requests().size() + " request(s) compared"
                : String.format(Locale.ROOT, "REGRESSED  %d of %d request(s): %s", regressed, c.requests().size(),
                String.join(", ", c.requests().stream().filter(Comparison.RequestComparison::regressed)
                        .map(Comparison.RequestComparison::request).toList())));
        out.flush();
    }

    private static String change(Comparison.Shift s) {
        String sign = s.deltaMs() >= 0 ? "+" : "-";
        String relative = Double.isInfinite(s.relativePercent()) ? "new"
                : String.format(Locale.ROOT, "%+.0f%%", s.relativePercent());
        return sign + Numbers.ms(Math.abs(s.deltaMs())) + " (" + relative + ")";
    }
}
