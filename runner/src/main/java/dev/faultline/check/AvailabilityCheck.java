package dev.faultline.check;

import dev.faultline.plan.CheckSpec;
import dev.faultline.sample.Outcomes;
import dev.faultline.sample.RunRecord;
import java.util.List;

/** Availability: the share of requests that succeeded in a window is at least its minimum. */
final class AvailabilityCheck implements Check {
    private final CheckSpec.AvailabilityCheck spec;

    AvailabilityCheck(CheckSpec.AvailabilityCheck spec) {
        this.spec = spec;
    }

    @Override
    public List<Verdict> evaluate(RunRecord record) {
        Outcomes outcomes = new WindowedSamples(record, spec.window()).outcomes(spec.request());
        String name = spec.name() != null ? spec.name()
                : "availability" + (spec.request() == null ? "" : " " + spec.request());
        double limit = spec.min().percent();
        String what = "availability of " + WindowedSamples.describe(spec.request()) + " in '" + spec.window() + "'";
        if (outcomes.total() == 0) {
            return List.of(new Verdict(name, "availability", spec.window(), false, null, limit, "%",
                    what + ": not enough data (no requests in the window), min " + Numbers.percent(limit)));
        }
        double observed = outcomes.okShare() * 100;
        boolean passed = observed >= limit;
        String message = what + " was " + Numbers.percent(observed) + " (" + outcomes.ok() + " of "
                + outcomes.total() + " succeeded), min " + Numbers.percent(limit)
                + (passed ? "" : " (short by " + Numbers.points(limit - observed) + ")");
        return List.of(new Verdict(name, "availability", spec.window(), passed, observed, limit, "%", message));
    }
}
