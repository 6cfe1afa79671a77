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
        if (spec.errorRate() != null) {
            return new ErrorRateCheck(spec.errorRate());
        }
        if (spec.convergence() != null) {
            return new ConvergenceCheck(spec.convergence());
        }
        if (spec.lostWrites() != null) {
            return new LostWritesCheck(spec.lostWrites());
        }
        if (spec.staleReads() != null) {
            return new StaleReadsCheck(spec.staleReads());
        }
        if (spec.rateLimit() != null) {
            return new RateLimitCheck(spec.rateLimit());
        }
        if (spec.breaker() != null) {
            return new BreakerCheck(spec.breaker());
        }
        return new FailoverCheck(spec.failover());
    }

    public static List<Verdict> evaluate(List<CheckSpec> specs, RunRecord record) {
        List<Verdict> verdicts = new ArrayList<>();
        for (CheckSpec spec : specs) {
            verdicts.addAll(of(spec).evaluate(record));
        }
        return verdicts;
    }
}
