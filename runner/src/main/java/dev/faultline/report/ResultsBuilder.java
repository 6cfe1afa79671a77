package dev.faultline.report;

import dev.faultline.check.Verdict;
import dev.faultline.load.LoadSummary;
import dev.faultline.plan.Plan;
import dev.faultline.sample.ErrorKind;
import dev.faultline.sample.Outcomes;
import dev.faultline.sample.RunRecord;
import dev.faultline.sample.SecondStats;
import dev.faultline.sample.TimeRange;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Builds {@link Results} from what a run recorded and the checks' verdicts. */
public final class ResultsBuilder {
    private ResultsBuilder() {
    }

    /**
     * The results of a run that was carried out (error null) or stopped part-way (error set). Faults left behind make
     * the run one that was not carried out properly.
     */
    public static Results from(RunRecord record, List<Verdict> verdicts, String error, Results.FaultsHealed healed) {
        if (error == null && !healed.verified()) {
            error = "faults were left behind after the run: " + String.join("; ", healed.leftovers());
        }
        LoadSummary load = record.load();
        TimeRange all = new TimeRange(0, Math.max(load.durationMs(), record.durationMs()) + 1_000);
        Map<String, Results.RequestResult> requests = new LinkedHashMap<>();
        for (String name : record.samples().requestNames()) {
            requests.put(name, request(record.samples().outcomes(name, all), record.samples().latency(name, all)));
        }
        boolean passed = error == null && verdicts.stream().allMatch(Verdict::passed);
        return new Results(
                record.plan().name(), passed, error, record.startedAt().toString(), record.durationMs(),
                record.plan().seed(), record.targetDescription(),
                new Results.Load(load.model(), load.targetRate(), load.achievedRate(), load.sent(), load.completed(),
                        load.dropped(), load.users(), load.iterations(),
                        record.samples().acknowledgements().entries().size()
                                + record.samples().acknowledgements().overflowed()),
                requests, record.faults(), verdicts,
                record.samples().seconds().stream().map(ResultsBuilder::second).toList(), healed,
                new Results.Observations(record.observations().metrics(), record.observations().convergence(),
                        record.observations().replicas()), List.of(), List.of(), null)
                .withSpectra(LatencySpectra.of(record));
    }

    /** The results of a run that could not start measuring at all. */
    public static Results notCarriedOut(Plan plan, Instant startedAt, long durationMs, String target, String error) {
        return new Results(plan.name(), false, error, startedAt.toString(), durationMs, plan.seed(), target,
                new Results.Load(plan.load().model().name().toLowerCase(java.util.Locale.ROOT),
                        plan.load().meanRatePerSecond(), 0, 0, 0, 0),
                Map.of(), List.of(), List.of(), List.of(), null);
    }

    private static Results.RequestResult request(Outcomes outcomes, Histogram latency) {
        return new Results.RequestResult(outcomes.total(), outcomes.ok(), labels(outcomes.errors()),
                new Results.LatencyMs(ms(latency, 50), ms(latency, 90), ms(latency, 99), ms(latency, 99.9),
                        latency.getTotalCount() == 0 ? 0 : latency.getMaxValue() / 1000.0));
    }

    private static Results.Second second(SecondStats s) {
        return new Results.Second(s.request(), s.startMs(), s.endMs(), s.outcomes().total(), s.outcomes().ok(),
                labels(s.outcomes().errors()), s.p50Ms(), s.p90Ms(), s.p99Ms(), s.maxMs());
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
    }

    static Map<String, Long> labels(Map<ErrorKind, Long> errors) {
        Map<String, Long> labelled = new LinkedHashMap<>();
        errors.forEach((kind, n) -> labelled.put(kind.label(), n));
        return labelled;
    }
}
