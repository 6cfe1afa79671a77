package dev.faultline.run;

import dev.faultline.check.Checks;
import dev.faultline.check.Verdict;
import dev.faultline.fault.FaultRecord;
import dev.faultline.faults.network.HealCheck;
import dev.faultline.load.LoadSummary;
import dev.faultline.observe.Observations;
import dev.faultline.observe.ProcessResources;
import dev.faultline.observe.RunObservation;
import dev.faultline.plan.Plan;
import dev.faultline.report.Results;
import dev.faultline.report.ResultsBuilder;
import dev.faultline.sample.RunClock;
import dev.faultline.sample.RunRecord;
import dev.faultline.sample.SampleRecorder;
import dev.faultline.sample.Samples;
import dev.faultline.targets.Target;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * The end of a run once its load has stopped and its faults are healed: looks at whether the target is back to
 * normal, gathers what was measured and observed into the {@link RunRecord}, evaluates the plan's checks and writes
 * the report. A plan run and a driven run (faults injected by the caller) end the same way.
 */
final class RunConclusion {
    private RunConclusion() {
    }

    static RunOutcome conclude(Plan plan, Target target, ReportFolder report, RunClock clock, SampleRecorder recorder,
            LoadSummary summary, List<FaultRecord> timeline, RunObservation observation, ProcessResources resources,
            String error, String planYaml, PrintWriter out) {
        HealCheck healed = target.verifyHealed();
        Samples samples = recorder.finish();
        report.writeAcknowledgements(samples.acknowledgements(), out);
        Observations observations = observation.finish(timeline, summary.durationMs(), samples.acknowledgements());
        RunRecord record = new RunRecord(plan, clock.startedAt(), clock.millisNow(), target.description(),
                summary, samples, timeline, observations, recorder.reads(), recorder.failures());
        List<Verdict> verdicts = Checks.evaluate(plan.checks(), record);
        Results results = ResultsBuilder.from(record, verdicts, error,
                new Results.FaultsHealed(healed.verified(), healed.leftovers()))
                .withResources(resources.stop()).withPlanYaml(planYaml);
        report.write(results, out);
        return new RunOutcome(results, report.dir(), Optional.of(record));
    }
}
