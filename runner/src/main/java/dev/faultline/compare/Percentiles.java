package dev.faultline.compare;

import java.util.List;

/** The latency percentiles a comparison looks at, from the middle of the distribution to its tail. */
final class Percentiles {
    /** Compared when both runs have a {@code .hlog}: the whole distribution is known. */
    static final List<Double> COMPARED = List.of(50.0, 75.0, 90.0, 99.0, 99.9);
    /** Compared from results.json alone (it lists no p75). */
    static final List<Double> IN_RESULTS = List.of(50.0, 90.0, 99.0, 99.9);

    private Percentiles() {
    }

    static String label(double percentile) {
        return percentile == 99.9 ? "p99.9" : "p" + (long) percentile;
    }
}
