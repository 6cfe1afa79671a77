package dev.faultline.check;

import dev.faultline.plan.CheckSpec;
import dev.faultline.sample.RunRecord;
import java.util.ArrayList;
import java.util.List;

/** The checks of a plan, evaluated in the plan's order. */
public final class Checks {
    private Checks() {
    }

    public static Check of(CheckSpec spec) {
        if (spec.latency() != null) {
            return new LatencyCheck(spec.latency());
        }
        if (spec.availability() != null) {
            return new AvailabilityCheck(spec.availability());
        }
        return new ErrorRateCheck(spec.errorRate());
    }

    public static List<Verdict> evaluate(List<CheckSpec> specs, RunRecord record) {
        List<Verdict> verdicts = new ArrayList<>();
        for (CheckSpec spec : specs) {
            verdicts.addAll(of(spec).evaluate(record));
        }
        return verdicts;
    }
}
