package dev.faultline.junit;

import dev.faultline.check.Verdict;
import dev.faultline.sample.Outcomes;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractDoubleAssert;
import org.assertj.core.api.AbstractLongAssert;
import org.assertj.core.api.Assertions;

/**
 * Assertions on a {@link RunResult}. The measures are the checks' own, per window ({@code all}, {@code steady},
 * {@code faults}, {@code recovery}, or a fault's name), and like the checks they refuse to pass on no data: a window
 * without requests fails with "not enough data" rather than letting any bound hold.
 */
public final class RunResultAssert extends AbstractAssert<RunResultAssert, RunResult> {

    RunResultAssert(RunResult actual) {
        super(actual, RunResultAssert.class);
    }

    /** The share of requests that succeeded in the window, between 0 and 1. */
    public AbstractDoubleAssert<?> availabilityDuring(String window) {
        Outcomes o = outcomesWithData(window);
        return Assertions.assertThat(o.okShare()).as("availability during '%s' (%d of %d requests succeeded; %s)",
                window, o.ok(), o.total(), failures(o));
    }

    /** The share of requests that failed in the window, between 0 and 1. */
    public AbstractDoubleAssert<?> errorRateDuring(String window) {
        Outcomes o = outcomesWithData(window);
        return Assertions.assertThat(1 - o.okShare()).as("error rate during '%s' (%d of %d requests failed; %s)",
                window, o.failed(), o.total(), failures(o));
    }

    /** How many requests were sent in the window. */
    public AbstractLongAssert<?> requestsDuring(String window) {
        isNotNull();
        Outcomes o = actual.outcomes(window);
        return Assertions.assertThat(o.total()).as("requests during '%s'", window);
    }

    /** The latency of every request in the window, from each request's intended send time. */
    public LatencyAssert latencyDuring(String window) {
        return latencyDuring(window, null);
    }

    /** The latency of the requests named {@code request} in the window. */
    public LatencyAssert latencyDuring(String window, String request) {
        isNotNull();
        Histogram h = actual.latency(window, request);
        if (h.getTotalCount() == 0) {
            failWithMessage("not enough data: no request%s completed during '%s'",
                    request == null ? "" : " '" + request + "'", window);
        }
        return new LatencyAssert(h, window);
    }

    /** Every check of the run passed (the failing ones are listed with observed against limit otherwise). */
    public RunResultAssert passedEveryCheck() {
        isNotNull();
        List<Verdict> failed = actual.checks().stream().filter(v -> !v.passed()).toList();
        if (!failed.isEmpty()) {
            failWithMessage("%d check(s) failed:%n%s", failed.size(),
                    failed.stream().map(v -> "  " + v.name() + ": " + v.message()).collect(Collectors.joining("\n")));
        }
        return this;
    }

    /** The run was carried out to its end: the target started and nothing stopped it early. */
    public RunResultAssert ranToTheEnd() {
        isNotNull();
        actual.error().ifPresent(e -> failWithMessage("the run did not run to its end: %s", e));
        return this;
    }

    /** After the run, no toxic, disabled link, stopped or dead process or skewed clock was left. */
    public RunResultAssert healedEveryFault() {
        isNotNull();
        if (!actual.faultsHealed()) {
            failWithMessage("faults were left after the run: %s", actual.results().faultsHealed() == null
                    ? "the target never started" : actual.results().faultsHealed().leftovers());
        }
        return this;
    }

    private Outcomes outcomesWithData(String window) {
        isNotNull();
        Outcomes o = actual.outcomes(window);
        if (o.total() == 0) {
            failWithMessage("not enough data: no requests during '%s'%s", window,
                    actual.hasWindow(window) ? "" : " (no such window in this run: it is all, steady, faults, "
                            + "recovery or the name of a fault that was applied)");
        }
        return o;
    }

    private static String failures(Outcomes o) {
        return o.errors().isEmpty() ? "no failures" : "failures " + o.errors();
    }

    /** Latency percentiles of one window, as durations. */
    public static final class LatencyAssert {
        private final Histogram histogram;
        private final String window;

        LatencyAssert(Histogram histogram, String window) {
            this.histogram = histogram;
            this.window = window;
        }

        public org.assertj.core.api.AbstractDurationAssert<?> p50() {
            return percentile(50);
        }

        public org.assertj.core.api.AbstractDurationAssert<?> p99() {
            return percentile(99);
        }

        public org.assertj.core.api.AbstractDurationAssert<?> percentile(double percentile) {
            Duration value = Duration.ofNanos(histogram.getValueAtPercentile(percentile) * 1000L);
            return Assertions.assertThat(value).as("p%s latency during '%s' (%d requests)",
                    trim(percentile), window, histogram.getTotalCount());
        }

        public org.assertj.core.api.AbstractDurationAssert<?> max() {
            return Assertions.assertThat(Duration.ofNanos(histogram.getMaxValue() * 1000L))
                    .as("max latency during '%s' (%d requests)", window, histogram.getTotalCount());
        }

        private static String trim(double p) {
            return p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p);
        }
    }
}
