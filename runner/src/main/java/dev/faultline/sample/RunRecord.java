package dev.faultline.sample;

import dev.faultline.fault.FaultRecord;
import dev.faultline.load.LoadSummary;
import dev.faultline.observe.Observations;
import dev.faultline.plan.Plan;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything one run recorded: the plan, what the load did, what it measured, the faults as they happened, what was
 * observed of the target (metrics, convergence, replicas), the set workload's reads and the failures. Checks and
 * reports are pure functions of it.
 */
public record RunRecord(
        Plan plan, Instant startedAt, long durationMs, String targetDescription,
        LoadSummary load, Samples samples, List<FaultRecord> faults,
        Observations observations, Reads reads, Failures failures) {

    public RunRecord {
        faults = List.copyOf(faults);
        Objects.requireNonNull(observations, "observations");
        Objects.requireNonNull(reads, "reads");
        Objects.requireNonNull(failures, "failures");
    }

    /** A record with nothing observed beyond the samples. */
    public RunRecord(Plan plan, Instant startedAt, long durationMs, String targetDescription, LoadSummary load,
            Samples samples, List<FaultRecord> faults) {
        this(plan, startedAt, durationMs, targetDescription, load, samples, faults, Observations.NONE, Reads.NONE,
                Failures.NONE);
    }
}
