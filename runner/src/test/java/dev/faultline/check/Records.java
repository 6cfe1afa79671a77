package dev.faultline.check;

import dev.faultline.fault.FaultRecord;
import dev.faultline.load.LoadSummary;
import dev.faultline.plan.ClusterSpec;
import dev.faultline.plan.LoadSpec;
import dev.faultline.plan.Plan;
import dev.faultline.plan.RateRamp;
import dev.faultline.plan.RequestSpec;
import dev.faultline.plan.Stage;
import dev.faultline.plan.TargetSpec;
import dev.faultline.sample.RunRecord;
import dev.faultline.sample.Samples;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Run records for check tests: a 10 s load of 'read' and 'write', with the given faults and samples. */
final class Records {
    private Records() {
    }

    static RunRecord of(Samples samples, FaultRecord... faults) {
        LoadSpec load = new LoadSpec(null, List.of(new Stage(Duration.ofSeconds(10), RateRamp.parse("100/s"))),
                null, null, null, null,
                List.of(new RequestSpec("read", null, "GET", "/kv/${key}", null, null, null, null),
                        new RequestSpec("write", null, "PUT", "/kv/${key}", null, null, null, null)),
                null, null, null);
        Plan plan = new Plan("check-test", null, null,
                new TargetSpec(new ClusterSpec(null, null, null), null, null), load, null, null, null);
        return new RunRecord(plan, Instant.EPOCH, 10_000, "test", new LoadSummary("open", 100, 100, 1000, 1000, 0, 10_000),
                samples, List.of(faults));
    }

    /** {@code record} with what was observed, the reads and the failures. */
    static RunRecord with(RunRecord record, dev.faultline.observe.Observations observations,
            dev.faultline.sample.Reads reads, dev.faultline.sample.Failures failures) {
        return new RunRecord(record.plan(), record.startedAt(), record.durationMs(), record.targetDescription(),
                record.load(), record.samples(), record.faults(), observations, reads, failures);
    }
}
