package dev.faultline.compare;

/**
 * When a difference between two runs counts as a regression. A percentile of a request regressed when the current
 * value is at least {@code minShiftMs} above the baseline's <em>and</em> at least {@code relativePercent} above it;
 * a request's latency regressed when at least {@code minPercentiles} of its compared percentiles did (or all of them,
 * when fewer are compared). A percentile is compared only when at least {@code minTailSamples} requests of each run
 * lie above it: a p99.9 of 2,000 requests is the second-slowest request, and one stall moves it anywhere. Its
 * availability regressed when it fell by more than {@code availabilityPoints} percentage points.
 */
public record Thresholds(double relativePercent, double minShiftMs, int minPercentiles, double availabilityPoints,
        int minTailSamples) {
    /** Quiet enough for two runs of one plan on a shared machine, strict enough to see 40 ms added to every request. */
    public static final Thresholds DEFAULTS = new Thresholds(20, 10, 2, 0.5, 20);

    public Thresholds {
        if (minTailSamples < 1) {
            throw new IllegalArgumentException("min-tail-samples: must be 1 or more, not " + minTailSamples);
        }
        if (!(relativePercent >= 0)) {
            throw new IllegalArgumentException("threshold: the relative shift must be 0% or more, not " + relativePercent + "%");
        }
        if (!(minShiftMs >= 0)) {
            throw new IllegalArgumentException("min-shift: the absolute shift must be 0ms or more, not " + minShiftMs + "ms");
        }
        if (minPercentiles < 1 || minPercentiles > Percentiles.COMPARED.size()) {
            throw new IllegalArgumentException("min-percentiles: must lie between 1 and " + Percentiles.COMPARED.size()
                    + " (the percentiles compared), not " + minPercentiles);
        }
        if (!(availabilityPoints >= 0 && availabilityPoints <= 100)) {
            throw new IllegalArgumentException("availability-drop: must lie between 0% and 100%, not "
                    + availabilityPoints + "%");
        }
    }
}
