package dev.faultline.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Charts of what was observed beside the load: replica convergence, breaker states and limiter rejections (from the
 * metrics scraped during the run), and the CPU, memory and disk use of the target's processes.
 */
final class ObservedCharts {
    /** Resilience4j's breaker states in the order the state chart stacks them. */
    static final List<String> BREAKER_STATES =
            List.of("closed", "half_open", "open", "forced_open", "disabled", "metrics_only");
    private static final double MB = 1024.0 * 1024.0;

    private final JsonNode results;
    private final List<ChartSpec.Band> bands;

    ObservedCharts(JsonNode results, List<ChartSpec.Band> bands) {
        this.results = results;
        this.bands = bands;
    }

    Section convergence() {
        JsonNode convergence = results.path("observations").path("convergence");
        List<ChartSpec> charts = new ArrayList<>();
        String about = "Distinct replica digests after the last heal: 1 means every replica holds the same data.";
        if (convergence.isObject()) {
            Aligned digests = new Aligned();
            for (JsonNode poll : convergence.path("polls")) {
                digests.add("distinct digests", poll.path("tMs").asDouble() / 1000.0,
                        poll.path("distinctDigests").asDouble());
            }
            double from = convergence.path("fromMs").asDouble() / 1000.0;
            JsonNode at = convergence.path("convergedAtMs");
            List<ChartSpec.Band> marks = new ArrayList<>(bands);
            if (at.isNumber()) {
                marks.add(new ChartSpec.Band(from, at.asDouble() / 1000.0, "converging"));
                about += String.format(java.util.Locale.ROOT, " Converged %.1f s after the last heal.",
                        at.asDouble() / 1000.0 - from);
            } else {
                about += " Did not converge; apart: " + texts(convergence.path("apart")) + "; differing keys: "
                        + texts(convergence.path("differingKeys")) + ".";
            }
            if (!digests.isEmpty()) {
                charts.add(ChartSpec.overTime("convergence", "Distinct replica digests", "digests", digests, marks));
            }
        }
        return new Section("convergence", "Convergence", about, charts,
                "No convergence was measured (the plan has no convergence check).");
    }

    Section breakers() {
        Aligned states = new Aligned();
        for (JsonNode m : metrics("breaker_state")) {
            String state = m.path("labels").path("state").asText();
            int index = BREAKER_STATES.indexOf(state);
            String series = m.path("component").asText() + " -> " + m.path("labels").path("backend").asText();
            states.declare(series);
            for (JsonNode point : m.path("points")) {
                if (index >= 0 && point.get(1).asDouble() >= 1) {
                    states.add(series, point.get(0).asDouble() / 1000.0, index);
                }
            }
        }
        List<ChartSpec> charts = states.isEmpty() ? List.of()
                : List.of(new ChartSpec("breakers", "Circuit breaker state per backend", "seconds since the load "
                        + "started", false, "state", false, states.names(), states.data(), bands, BREAKER_STATES));
        return new Section("breakers", "Circuit breakers", "Each balancer's breaker state per backend, from its "
                + "/metrics scraped once a second.", charts, "No breaker state was scraped during this run.");
    }

    Section limiter() {
        Aligned rejected = new Aligned();
        for (JsonNode m : metrics("limiter_requests")) {
            if (!"rejected".equals(m.path("labels").path("decision").asText())) {
                continue;
            }
            String series = m.path("component").asText() + " client " + m.path("labels").path("client").asText();
            JsonNode previous = null;
            for (JsonNode point : m.path("points")) {
                if (previous != null) {
                    double seconds = (point.get(0).asDouble() - previous.get(0).asDouble()) / 1000.0;
                    if (seconds > 0) {
                        rejected.add(series, point.get(0).asDouble() / 1000.0,
                                Math.max(0, point.get(1).asDouble() - previous.get(1).asDouble()) / seconds);
                    }
                }
                previous = point;
            }
        }
        List<ChartSpec> charts = rejected.isEmpty() ? List.of()
                : List.of(ChartSpec.overTime("limiter", "Requests rejected by the rate limiter per second",
                        "rejected/s", rejected, bands));
        return new Section("limiter", "Rate limiter", "Requests the balancer's limiter refused (429) each second, "
                + "per client.", charts, "No rate-limiter rejection was scraped during this run.");
    }

    Section resources() {
        Aligned cpu = new Aligned();
        Aligned memory = new Aligned();
        Aligned disk = new Aligned();
        for (JsonNode process : results.path("resources")) {
            String name = process.path("component").asText();
            for (JsonNode p : process.path("points")) {
                double x = p.path("tMs").asDouble() / 1000.0;
                cpu.add(name, x, p.path("cpuPercent").asDouble());
                memory.add(name, x, p.path("rssBytes").asDouble() / MB);
                disk.add(name, x, p.path("diskBytes").asDouble() / MB);
            }
        }
        List<ChartSpec> charts = cpu.isEmpty() ? List.of() : List.of(
                ChartSpec.overTime("cpu", "CPU (% of one core)", "%", cpu, bands),
                ChartSpec.overTime("memory", "Resident memory (MiB)", "MiB", memory, bands),
                ChartSpec.overTime("disk", "Disk used by the component's folder (MiB)", "MiB", disk, bands));
        return new Section("resources", "Target processes", "CPU, resident memory and folder size of every target "
                + "component that runs as its own process, from /proc once a second.", charts,
                "No target process was sampled: the target's components ran inside the runner (in-jvm) or were "
                        + "not started by this run.");
    }

    private List<JsonNode> metrics(String nameContains) {
        Map<String, JsonNode> found = new TreeMap<>();
        int i = 0;
        for (JsonNode m : results.path("observations").path("metrics")) {
            if (m.path("metric").asText().contains(nameContains)) {
                found.put(m.path("component").asText() + m.path("labels").toString() + (i++), m);
            }
        }
        return List.copyOf(found.values());
    }

    private static String texts(JsonNode list) {
        List<String> items = new ArrayList<>();
        list.forEach(n -> items.add(n.asText()));
        return items.isEmpty() ? "none" : String.join(", ", items);
    }
}
