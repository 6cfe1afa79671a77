package dev.faultline.check;

import dev.faultline.plan.CheckSpec;
import dev.faultline.sample.ErrorKind;
import dev.faultline.sample.Outcomes;
import dev.faultline.sample.RunRecord;
import java.util.List;

/** Error rate: the share of requests that failed (of the given kinds, or of any kind) in a window is at most max. */
final class ErrorRateCheck implements Check {
    private final CheckSpec.ErrorRateCheck spec;

    ErrorRateCheck(CheckSpec.ErrorRateCheck spec) {
        this.spec = spec;
    }

    @Override
    public List<Verdict> evaluate(RunRecord record) {
        Outcomes outcomes = new WindowedSamples(record, spec.window()).outcomes(spec.request());
        String kinds = spec.kinds().isEmpty() ? "" : " (" + String.join(", ", spec.kinds()) + ")";
        String name = spec.name() != null ? spec.name()
                : "error-rate" + (spec.request() == null ? "" : " " + spec.request()) + kinds;
        double limit = spec.max().percent();
        String what = "error rate" + kinds + " of " + WindowedSamples.describe(spec.request()) + " in '"
                + spec.window() + "'";
        if (outcomes.total() == 0) {
            return List.of(new Verdict(name, "error-rate", spec.window(), false, null, limit, "%",
                    what + ": not enough data (no requests in the window), max " + Numbers.percent(limit)));
        }
        long failed = failed(outcomes);
        double observed = 100.0 * failed / outcomes.total();
        boolean passed = observed <= limit;
        String message = what + " was " + Numbers.percent(observed) + " (" + failed + " of " + outcomes.total()
                + " failed), max " + Numbers.percent(limit)
                + (passed ? "" : " (over by " + Numbers.points(observed - limit) + ")");
        return List.of(new Verdict(name, "error-rate", spec.window(), passed, observed, limit, "%", message));
    }

    private long failed(Outcomes outcomes) {
        if (spec.kinds().isEmpty()) {
            return outcomes.failed();
        }
        long failed = 0;
        for (ErrorKind kind : ErrorKind.values()) {
            if (spec.kinds().contains(kind.label())) {
                failed += outcomes.errors().getOrDefault(kind, 0L);
            }
        }
        return failed;
    }
}
