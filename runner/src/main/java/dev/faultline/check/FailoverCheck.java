package dev.faultline.check;

import dev.faultline.fault.FaultRecord;
import dev.faultline.plan.CheckSpec;
import dev.faultline.plan.ClusterSpec;
import dev.faultline.sample.Failures;
import dev.faultline.sample.RunRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Failover: the longest run of failed requests (from the first failure's end to the next success's end) that was
 * still going when the first fault on the primary balancer {@code lb} was in place lasts at most
 * {@code max-downtime}. (A crash is in place once the process is gone; requests start failing a moment earlier, as
 * the kill takes effect, so a run that began just before counts whole.) A run still going
 * when the load ended counts up to the load's end. Not enough data when no fault acted on {@code lb}, or when no
 * request completed after it began.
 */
final class FailoverCheck implements Check {
    private static final int MAX_DETAILS = 10;

    private final CheckSpec.FailoverCheck spec;

    FailoverCheck(CheckSpec.FailoverCheck spec) {
        this.spec = spec;
    }

    @Override
    public List<Verdict> evaluate(RunRecord record) {
        String name = spec.name() != null ? spec.name() : "failover";
        double limitMs = spec.maxDowntime().toMillis();
        FaultRecord fault = record.faults().stream().filter(f -> ClusterSpec.BALANCER.equals(f.target()))
                .min(java.util.Comparator.comparingLong(FaultRecord::startMs)).orElse(null);
        if (fault == null) {
            return List.of(new Verdict(name, "failover", "all", false, null, limitMs, "ms",
                    "failover: not enough data (no fault acted on the primary balancer '" + ClusterSpec.BALANCER
                            + "'), max downtime " + Numbers.ms(limitMs)));
        }
        Failures failures = record.failures();
        long loadEnd = record.load().durationMs();
        List<Failures.Run> runs = new ArrayList<>(failures.runs());
        if (failures.unended() != null) {
            runs.add(failures.unended());
        }
        Failures.Run longest = null;
        long longestMs = 0;
        for (Failures.Run run : runs) {
            if (!overlaps(run, fault)) {
                continue;
            }
            long ms = (run.endMs() == null ? loadEnd : run.endMs()) - run.startMs();
            if (longest == null || ms > longestMs) {
                longest = run;
                longestMs = ms;
            }
        }
        long completedAfter = record.samples().outcomes(null,
                new dev.faultline.sample.TimeRange(fault.startMs(), loadEnd + 1_000)).total();
        if (completedAfter == 0) {
            return List.of(new Verdict(name, "failover", fault.name(), false, null, limitMs, "ms",
                    "failover: not enough data (no request completed after fault '" + fault.name()
                            + "' began), max downtime " + Numbers.ms(limitMs)));
        }
        double observed = longestMs;
        boolean passed = observed <= limitMs;
        List<String> details = new ArrayList<>();
        runs.stream().filter(r -> overlaps(r, fault)).limit(MAX_DETAILS).forEach(r -> details.add(
                String.format(Locale.ROOT, "%d failed from %d ms to %s", r.failed(), r.startMs(),
                        r.endMs() == null ? "the end of the load" : r.endMs() + " ms")));
        String message = longest == null
                ? "no request failed after fault '" + fault.name() + "' began on " + ClusterSpec.BALANCER
                + ", max downtime " + Numbers.ms(limitMs)
                : "the longest run of failures after fault '" + fault.name() + "' began lasted " + Numbers.ms(observed)
                + " (" + longest.failed() + " requests failed from " + longest.startMs() + " ms to "
                + (longest.endMs() == null ? "the end of the load, never followed by a success" : longest.endMs() + " ms")
                + "), max downtime " + Numbers.ms(limitMs)
                + (passed ? "" : " (over by " + Numbers.ms(observed - limitMs) + ")");
        return List.of(new Verdict(name, "failover", fault.name(), passed, observed, limitMs, "ms", message, details));
    }

    /** Whether the run of failures had not ended (by a success) before the fault was in place. */
    private static boolean overlaps(Failures.Run run, FaultRecord fault) {
        return run.endMs() == null || run.endMs() >= fault.startMs();
    }
}
