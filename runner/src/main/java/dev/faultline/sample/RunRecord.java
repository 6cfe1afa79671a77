package dev.faultline.sample;

import dev.faultline.fault.FaultRecord;
import dev.faultline.load.LoadSummary;
import dev.faultline.plan.Plan;
import java.time.Instant;
import java.util.List;

/**
 * Everything one run recorded: the plan, what the load did, what it measured, and the faults as they happened.
 * Checks and reports are pure functions of it.
 */
public record RunRecord(
        Plan plan, Instant startedAt, long durationMs, String targetDescription,
        LoadSummary load, Samples samples, List<FaultRecord> faults) {

    public RunRecord {
        faults = List.copyOf(faults);
    }
}
