package dev.faultline.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Latency percentile spectra (HdrHistogram style): per request, one line per window, latency against percentile on a
 * log {@code 1/(1-p)} axis, so 90%, 99%, 99.9% are evenly spaced. The 100% point (the max) is off such an axis.
 */
final class SpectrumCharts {
    private SpectrumCharts() {
    }

    /** The x position of a percentile (0..100) on the spectrum's axis. */
    static double x(double percentile) {
        return 1.0 / (1.0 - percentile / 100.0);
    }

    static Section of(JsonNode results) {
        Map<String, Aligned> perRequest = new LinkedHashMap<>();
        for (JsonNode spectrum : results.path("spectra")) {
            String window = spectrum.path("window").asText() + " (" + spectrum.path("count").asLong() + ")";
            Aligned a = perRequest.computeIfAbsent(spectrum.path("request").asText(), r -> new Aligned());
            for (JsonNode point : spectrum.path("points")) {
                double p = point.path("percentile").asDouble();
                if (p < 100.0) {
                    a.add(window, x(p), point.path("ms").asDouble());
                }
            }
        }
        List<ChartSpec> charts = new ArrayList<>();
        perRequest.forEach((request, a) -> {
            if (!a.isEmpty()) {
                charts.add(new ChartSpec("spectrum-" + charts.size(), "Latency spectrum of '" + request + "'",
                        "percentile", true, "ms", true, a.names(), a.data(), List.of(), List.of()));
            }
        });
        return new Section("spectrum", "Latency percentile spectrum", "Latency at each percentile per window "
                + "(steady: before the first fault; faults: while any is active; recovery: after the last heal; in "
                + "brackets the number of requests), on HdrHistogram's log 1/(1-p) axis.", charts,
                "No latency spectrum in these results (no request completed, or results.json predates spectra).");
    }
}
