package dev.faultline.check;

import dev.faultline.plan.CheckSpec;
import dev.faultline.sample.RunRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Latency budgets: each given percentile of a request's latency in a window is at most its limit. Observed values are
 * HdrHistogram's (the highest value equivalent to the percentile, 3 significant digits); a value is within its limit
 * when the limit lies at or above the lowest value of its bucket.
 */
final class LatencyCheck implements Check {
    private final CheckSpec.LatencyCheck spec;

    LatencyCheck(CheckSpec.LatencyCheck spec) {
        this.spec = spec;
    }

    @Override
    public List<Verdict> evaluate(RunRecord record) {
        Histogram latency = new WindowedSamples(record, spec.window()).latency(spec.request());
        List<Verdict> verdicts = new ArrayList<>();
        budgets().forEach((label, limit) -> verdicts.add(judge(label, limit, latency)));
        return verdicts;
    }

    private Map<String, Duration> budgets() {
        Map<String, Duration> budgets = new LinkedHashMap<>();
        put(budgets, "p50", spec.p50());
        put(budgets, "p90", spec.p90());
        put(budgets, "p99", spec.p99());
        put(budgets, "p99.9", spec.p999());
        put(budgets, "max", spec.max());
        return budgets;
    }

    private static void put(Map<String, Duration> budgets, String label, Duration limit) {
        if (limit != null) {
            budgets.put(label, limit);
        }
    }

    private Verdict judge(String label, Duration limit, Histogram latency) {
        String name = (spec.name() != null ? spec.name() : "latency " + (spec.request() == null ? "*" : spec.request()))
                + " " + label;
        double limitMs = limit.toNanos() / 1e6;
        String what = label + " of " + WindowedSamples.describe(spec.request()) + " in '" + spec.window() + "'";
        if (latency.getTotalCount() == 0) {
            return new Verdict(name, "latency", spec.window(), false, null, limitMs, "ms",
                    what + ": not enough data (no request completed in the window), limit " + Numbers.ms(limitMs));
        }
        long micros = label.equals("max") ? latency.getMaxValue()
                : latency.getValueAtPercentile(percentile(label));
        double observedMs = micros / 1000.0;
        // HdrHistogram keeps 3 significant digits: a value whose bucket reaches down to the limit is within it
        boolean passed = latency.lowestEquivalentValue(micros) <= limit.toNanos() / 1000;
        String message = what + " was " + Numbers.ms(observedMs) + ", limit " + Numbers.ms(limitMs)
                + (passed ? "" : " (over by " + Numbers.ms(observedMs - limitMs) + ")");
        return new Verdict(name, "latency", spec.window(), passed, observedMs, limitMs, "ms", message);
    }

    private static double percentile(String label) {
        return Double.parseDouble(label.substring(1));
    }
}
