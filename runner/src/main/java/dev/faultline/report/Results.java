package dev.faultline.report;

import dev.faultline.check.Verdict;
import dev.faultline.fault.FaultRecord;
import dev.faultline.observe.ProcessSeries;
import java.util.List;
import java.util.Map;

/**
 * The contents of {@code results.json}: the source of truth of a run, from which every other format is rendered.
 * Times are milliseconds since the run's time zero (the load's start) unless named otherwise. {@code error} is set
 * when the run could not be carried out; what was measured until then is still here.
 *
 * <p>For the HTML report: {@code resources} (CPU, memory and disk of every target process, once a second; empty when
 * the target has no process of its own), {@code spectra} (each request's latency percentile spectrum per built-in
 * window) and {@code planYaml} (the plan's text as run, null when not known).
 */
public record Results(
        String plan,
        boolean passed,
        String error,
        String startedAt,
        long durationMs,
        long seed,
        String target,
        Load load,
        Map<String, RequestResult> requests,
        List<FaultRecord> faults,
        List<Verdict> checks,
        List<Second> series,
        FaultsHealed faultsHealed,
        Observations observations,
        List<ProcessSeries> resources,
        List<Spectrum> spectra,
        String planYaml) {

    public Results {
        resources = resources == null ? List.of() : List.copyOf(resources);
        spectra = spectra == null ? List.of() : List.copyOf(spectra);
    }

    /** Results without observations of the target, resources, spectra or the plan's text. */
    public Results(String plan, boolean passed, String error, String startedAt, long durationMs, long seed,
            String target, Load load, Map<String, RequestResult> requests, List<FaultRecord> faults,
            List<Verdict> checks, List<Second> series, FaultsHealed faultsHealed) {
        this(plan, passed, error, startedAt, durationMs, seed, target, load, requests, faults, checks, series,
                faultsHealed, null, List.of(), List.of(), null);
    }

    /** A copy with the resource use of the target's processes. */
    public Results withResources(List<ProcessSeries> sampled) {
        return new Results(plan, passed, error, startedAt, durationMs, seed, target, load, requests, faults, checks,
                series, faultsHealed, observations, sampled, spectra, planYaml);
    }

    /** A copy with the latency percentile spectra of a run. */
    public Results withSpectra(List<Spectrum> computed) {
        return new Results(plan, passed, error, startedAt, durationMs, seed, target, load, requests, faults, checks,
                series, faultsHealed, observations, resources, computed, planYaml);
    }

    /** A copy with the plan's text as run. */
    public Results withPlanYaml(String text) {
        return new Results(plan, passed, error, startedAt, durationMs, seed, target, load, requests, faults, checks,
                series, faultsHealed, observations, resources, spectra, text);
    }

    /**
     * The latency percentile spectrum of one request in one window ({@code all}, {@code steady}, {@code faults},
     * {@code recovery}; a window with no samples has none): {@code count} latencies, and the latency in ms at each
     * percentile HdrHistogram's distribution reports (five steps per halving of the distance to 100%).
     */
    public record Spectrum(String request, String window, long count, List<SpectrumPoint> points) {
        public Spectrum {
            points = points == null ? List.of() : List.copyOf(points);
        }
    }

    /** A percentile (0..100) and the latency in ms at it. */
    public record SpectrumPoint(double percentile, double ms) {
    }

    /**
     * What was observed of the target (scraped metrics, convergence; replicas read back), as results.json writes it:
     * null when nothing was observed (the run did not get that far).
     */
    public record Observations(List<dev.faultline.observe.MetricSeries> metrics,
            dev.faultline.observe.Convergence convergence, dev.faultline.observe.ReplicaReadout replicas) {
    }

    /**
     * What the fault layer found when it looked at the fault proxy after the run: {@code verified} when no toxic and no
     * disabled proxy was left on any of the run's links; otherwise {@code leftovers} names each. Null when the target
     * never started.
     */
    public record FaultsHealed(boolean verified, List<String> leftovers) {
    }

    /**
     * What the load generator did overall; rates per second. Closed model: {@code users} (most at once) and
     * {@code iterations}; {@code acknowledged}: writes acknowledged (requests with ack-log). All 0 when not used.
     */
    public record Load(String model, double targetRate, double achievedRate, long sent, long completed, long dropped,
            int users, long iterations, long acknowledged) {

        public Load(String model, double targetRate, double achievedRate, long sent, long completed, long dropped) {
            this(model, targetRate, achievedRate, sent, completed, dropped, 0, 0, 0);
        }
    }

    /** One request name over the whole run. Errors by kind label ({@code 5xx}, {@code timeout}, ...). */
    public record RequestResult(long count, long ok, Map<String, Long> errors, LatencyMs latencyMs) {
    }

    /** Latency percentiles in milliseconds, from the intended send time. */
    public record LatencyMs(double p50, double p90, double p99, double p999, double max) {
    }

    /** One request name over one interval (normally a second) of the run. */
    public record Second(String request, long startMs, long endMs, long count, long ok, Map<String, Long> errors,
                         double p50Ms, double p90Ms, double p99Ms, double maxMs) {
    }

    public long failedChecks() {
        return checks.stream().filter(v -> !v.passed()).count();
    }
}
