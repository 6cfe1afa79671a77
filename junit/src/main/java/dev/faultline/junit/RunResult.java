package dev.faultline.junit;

import dev.faultline.check.Measures;
import dev.faultline.check.Verdict;
import dev.faultline.report.Results;
import dev.faultline.run.RunOutcome;
import dev.faultline.sample.Outcomes;
import dev.faultline.sample.RunRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * What a run measured: {@link #results()} is exactly what results.json holds (requests, latency, errors by kind,
 * faults as they happened, checks, whether every fault was healed), and the measures below compute the same figures
 * the checks judge, in any window: {@code all}, {@code steady} (before the first fault), {@code faults} (while any
 * was in place), {@code recovery} (after the last heal), or a fault's name. Assert on them with
 * {@link FaultlineAssertions#assertThat(RunResult)}.
 */
public final class RunResult {
    private final Results results;
    private final Path reportDir;
    private final Optional<RunRecord> record;

    RunResult(RunOutcome outcome) {
        this.results = outcome.results();
        this.reportDir = outcome.reportDir();
        this.record = outcome.record();
    }

    /** The contents of results.json. */
    public Results results() {
        return results;
    }

    /** The folder holding this run's report (results.json, report.html, ...). */
    public Path reportDir() {
        return reportDir;
    }

    /** Whether the run was carried out, every check passed and every fault was healed. */
    public boolean passed() {
        return results.passed();
    }

    /** Why the run could not be carried out (or ended early), if it could not. */
    public Optional<String> error() {
        return Optional.ofNullable(results.error());
    }

    /** Every check's verdict, with its observed value next to its limit. */
    public List<Verdict> checks() {
        return results.checks();
    }

    /** Whether, after the run, no toxic, disabled link, stopped or dead process or skewed clock was left. */
    public boolean faultsHealed() {
        return results.faultsHealed() != null && results.faultsHealed().verified();
    }

    /** Requests (of every name) in a window: how many, how many succeeded, failures by kind. */
    public Outcomes outcomes(String window) {
        return outcomes(window, null);
    }

    /** Requests named {@code request} (null: every name) in a window. */
    public Outcomes outcomes(String window, String request) {
        return measures().outcomes(window, request);
    }

    /** The share of requests that succeeded in a window, 0..1; NaN when there were none. */
    public double availability(String window) {
        return outcomes(window).okShare();
    }

    /** The latency of the requests in a window (microseconds, from intended send times), as an HdrHistogram. */
    public Histogram latency(String window, String request) {
        return measures().latency(window, request);
    }

    /** The latency at {@code percentile} (0..100) of every request in a window; null when none completed. */
    public Duration latencyAt(String window, double percentile) {
        Histogram h = latency(window, null);
        return h.getTotalCount() == 0 ? null : Duration.ofNanos(h.getValueAtPercentile(percentile) * 1000L);
    }

    /** Whether a window happened in this run (a fault by that name was applied, a recovery followed, ...). */
    public boolean hasWindow(String window) {
        return !measures().ranges(window).isEmpty();
    }

    private Measures measures() {
        return Measures.of(record.orElseThrow(() -> new IllegalStateException(
                "the run was not carried out, so it measured nothing: " + results.error())));
    }

    @Override
    public String toString() {
        return results.plan() + (results.passed() ? " passed" : " failed") + " (report: " + reportDir + ")";
    }
}
