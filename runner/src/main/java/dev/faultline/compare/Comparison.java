package dev.faultline.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Two runs compared request by request: each request's latency at several percentiles (over the whole
 * distribution, from the {@code .hlog} files when both runs have one) and its availability.
 *
 * <pre>{@code
 * Comparison c = Comparison.of(Path.of("base/results.json"), Path.of("current/results.json"), Thresholds.DEFAULTS);
 * if (c.regressed()) { ... c.requests() says which request, which percentile, by how much }
 * }</pre>
 */
public record Comparison(String baseline, String current, boolean fullDistributions, Thresholds thresholds,
        List<RequestComparison> requests, List<String> notes) {

    /**
     * One percentile of one request in both runs (milliseconds); {@code compared} when enough requests lie above it
     * in both runs to judge it, and {@code significant} when it was compared and shifted by enough to count.
     */
    public record Shift(String percentile, double baselineMs, double currentMs, boolean compared, boolean significant) {
        public double deltaMs() {
            return currentMs - baselineMs;
        }

        /** The relative change in percent (infinite when the baseline was 0). */
        public double relativePercent() {
            return baselineMs == 0 ? (currentMs == 0 ? 0 : Double.POSITIVE_INFINITY) : 100 * deltaMs() / baselineMs;
        }
    }

    /** One request: its latency shifts, and availability (percent) in both runs. */
    public record RequestComparison(String request, List<Shift> shifts, double baselineAvailability,
            double currentAvailability, boolean latencyRegressed, boolean availabilityRegressed) {
        public boolean regressed() {
            return latencyRegressed || availabilityRegressed;
        }
    }

    /** True when any request regressed in latency or availability. */
    public boolean regressed() {
        return requests.stream().anyMatch(RequestComparison::regressed);
    }

    /**
     * Compares {@code current} with {@code baseline} (results.json files).
     *
     * @throws IllegalArgumentException when a file is missing or not a results.json, a run could not be carried out,
     *     or the two runs have no request name in common
     */
    public static Comparison of(Path baseline, Path current, Thresholds thresholds) {
        RunProfile base = RunProfile.load(baseline);
        RunProfile cur = RunProfile.load(current);
        for (RunProfile run : List.of(base, cur)) {
            if (run.results.error() != null) {
                throw new IllegalArgumentException(run.file + ": the run could not be carried out ("
                        + run.results.error() + "), so there is nothing to compare");
            }
        }
        boolean full = base.hasHistograms() && cur.hasHistograms();
        List<Double> percentiles = full ? Percentiles.COMPARED : Percentiles.IN_RESULTS;
        List<RequestComparison> requests = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (!base.results.plan().equals(cur.results.plan())) {
            notes.add("the runs are of different plans: " + base.results.plan() + " and " + cur.results.plan());
        }
        for (String name : base.results.requests().keySet()) {
            var b = base.request(name, percentiles);
            var c = cur.request(name, percentiles);
            if (c.isEmpty()) {
                notes.add("request " + name + " is only in the baseline");
            } else if (b.get().count() == 0 || c.get().count() == 0) {
                notes.add("request " + name + " was not sent in " + (b.get().count() == 0 ? "the baseline" : "the current run"));
            } else {
                requests.add(compare(b.get(), c.get(), thresholds));
            }
        }
        cur.results.requests().keySet().stream().filter(n -> !base.results.requests().containsKey(n))
                .forEach(n -> notes.add("request " + n + " is only in the current run"));
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("the runs have no request name in common that both sent ("
                    + base.results.requests().keySet() + " and " + cur.results.requests().keySet() + ")");
        }
        return new Comparison(baseline.toString(), current.toString(), full, thresholds, requests, notes);
    }

    static RequestComparison compare(RequestProfile base, RequestProfile cur, Thresholds t) {
        List<Shift> shifts = new ArrayList<>();
        int compared = 0;
        int significant = 0;
        long fewer = Math.min(base.count(), cur.count());
        for (var entry : base.latencyMs().entrySet()) {
            double b = entry.getValue();
            double c = cur.latencyMs().get(entry.getKey());
            boolean judged = fewer * (1 - entry.getKey() / 100) >= t.minTailSamples();
            boolean shifted = judged && c - b >= t.minShiftMs() && c >= b * (1 + t.relativePercent() / 100);
            compared += judged ? 1 : 0;
            significant += shifted ? 1 : 0;
            shifts.add(new Shift(Percentiles.label(entry.getKey()), b, c, judged, shifted));
        }
        boolean latency = compared > 0 && significant >= Math.min(t.minPercentiles(), compared);
        boolean availability = base.availabilityPercent() - cur.availabilityPercent() > t.availabilityPoints();
        return new RequestComparison(base.request(), shifts, base.availabilityPercent(), cur.availabilityPercent(),
                latency, availability);
    }
}
