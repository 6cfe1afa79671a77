package dev.faultline.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The charts drawn from the load's own measurements: throughput, latency and errors per second, with fault windows. */
final class RunCharts {
    private final JsonNode results;
    private final List<ChartSpec.Band> bands;

    RunCharts(JsonNode results) {
        this.results = results;
        this.bands = faultBands(results);
    }

    /** Every fault's real window in seconds, labelled with its name; a fault never healed ends with the run. */
    static List<ChartSpec.Band> faultBands(JsonNode results) {
        List<ChartSpec.Band> bands = new ArrayList<>();
        double runEnd = results.path("durationMs").asDouble() / 1000.0;
        for (JsonNode fault : results.path("faults")) {
            double from = fault.path("startMs").asDouble() / 1000.0;
            JsonNode end = fault.path("endMs");
            double to = end.isNumber() ? end.asDouble() / 1000.0 : runEnd;
            bands.add(new ChartSpec.Band(from, Math.max(from, to), fault.path("name").asText()));
        }
        return bands;
    }

    List<ChartSpec.Band> bands() {
        return bands;
    }

    Section throughput() {
        java.util.Set<String> failed = new java.util.HashSet<>();
        results.path("series").forEach(s -> {
            if (s.path("count").asLong() > s.path("ok").asLong()) {
                failed.add(s.path("request").asText());
            }
        });
        Aligned ok = new Aligned();
        for (JsonNode s : results.path("series")) {
            double x = midpoint(s);
            double seconds = Math.max(0.001, (s.path("endMs").asDouble() - s.path("startMs").asDouble()) / 1000.0);
            ok.add(s.path("request").asText() + " ok/s", x, s.path("ok").asDouble() / seconds);
            if (failed.contains(s.path("request").asText())) {
                ok.add(s.path("request").asText() + " failed/s", x,
                        (s.path("count").asDouble() - s.path("ok").asDouble()) / seconds);
            }
        }
        List<ChartSpec> charts = ok.isEmpty() ? List.of()
                : List.of(ChartSpec.overTime("throughput", "Completed requests per second", "requests/s", ok, bands));
        return new Section("throughput", "Throughput", "Requests completed each second, by request and outcome; "
                + "shaded: each fault's real window.", charts, "No request completed: there is no throughput to show.");
    }

    Section latency() {
        Map<String, Aligned> perRequest = new java.util.LinkedHashMap<>();
        for (JsonNode s : results.path("series")) {
            if (s.path("count").asLong() == 0) {
                continue;
            }
            Aligned a = perRequest.computeIfAbsent(s.path("request").asText(), r -> new Aligned());
            double x = midpoint(s);
            a.add("p50", x, s.path("p50Ms").asDouble());
            a.add("p99", x, s.path("p99Ms").asDouble());
            a.add("max", x, s.path("maxMs").asDouble());
        }
        List<ChartSpec> charts = new ArrayList<>();
        perRequest.forEach((request, a) -> charts.add(new ChartSpec("latency-" + charts.size(),
                "Latency of '" + request + "' per second", "seconds since the load started", false, "ms", true,
                a.names(), a.data(), bands, List.of())));
        return new Section("latency", "Latency over time", "p50, p99 and max latency of each request per second "
                + "(log scale), measured from each request's intended send time.", charts,
                "No latency was recorded.");
    }

    Section errors() {
        java.util.Set<String> seen = new java.util.TreeSet<>();
        results.path("series").forEach(s -> s.path("errors").fieldNames().forEachRemaining(seen::add));
        Aligned kinds = new Aligned();
        for (JsonNode s : results.path("series")) {
            double x = midpoint(s);
            seen.forEach(kind -> kinds.add(kind, x, s.path("errors").path(kind).asDouble(0)));
        }
        List<ChartSpec> charts = kinds.names().isEmpty() ? List.of()
                : List.of(ChartSpec.overTime("errors", "Errors per second by kind (all requests)", "errors", kinds,
                        bands));
        return new Section("errors", "Errors by kind", "Failed requests each second, by kind (status class, "
                + "timeout, connection refused or reset, ...).", charts, "No request failed: no error to show.");
    }

    private static double midpoint(JsonNode second) {
        return (second.path("startMs").asDouble() + second.path("endMs").asDouble()) / 2000.0;
    }
}
