package dev.faultline.run;

import dev.faultline.fault.FaultSchedule;
import dev.faultline.fault.FaultTypes;
import dev.faultline.load.LoadGenerator;
import dev.faultline.load.LoadSummary;
import dev.faultline.observe.ProcessResources;
import dev.faultline.observe.RunObservation;
import dev.faultline.plan.Durations;
import dev.faultline.plan.Plan;
import dev.faultline.plan.RequestSpec;
import dev.faultline.report.Results;
import dev.faultline.report.ResultsBuilder;
import dev.faultline.sample.RunClock;
import dev.faultline.sample.SampleRecorder;
import dev.faultline.target.TargetLauncher;
import dev.faultline.targets.Target;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Carries out one plan: starts the target, drives the load while the faults come and go, evaluates the checks and
 * writes the report. Whatever happens — a target that won't start, a fault that can't be applied, the runner being
 * killed — faults are healed, the target is stopped and the results measured so far are written.
 */
public final class PlanRun {
    private static final String HLOG = "latency.hlog";

    private final Plan plan;
    private final Path outDir;
    private final PrintWriter out;
    private final String planYaml;
    private final Optional<LiveMetricsEndpoint> live;

    public PlanRun(Plan plan, Path outDir, PrintWriter out) {
        this(plan, outDir, out, null, Optional.empty());
    }

    /** A run whose live figures {@code live} (when present) serves while its load runs. */
    public PlanRun(Plan plan, Path outDir, PrintWriter out, Optional<LiveMetricsEndpoint> live) {
        this(plan, outDir, out, null, live);
    }

    /**
     * A run whose report also shows the plan's text ({@code planYaml}, as run; null when not known) and whose live
     * figures {@code live} (when present) serves while its load runs.
     */
    public PlanRun(Plan plan, Path outDir, PrintWriter out, String planYaml, Optional<LiveMetricsEndpoint> live) {
        this.plan = plan;
        this.outDir = outDir;
        this.out = out;
        this.planYaml = planYaml;
        this.live = live;
    }

    /** Carries the plan out and returns its results (the contents of results.json). */
    public Results execute() {
        return carryOut().results();
    }

    /** Carries the plan out and returns its results with the record they were computed from. */
    public RunOutcome carryOut() {
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        ReportFolder report = new ReportFolder(outDir, plan.report().formats());
        out.printf("faultline run %s (seed %d)%n", plan.name(), plan.seed());
        Target target;
        try {
            report.prepare();
            target = TargetLauncher.start(plan.target(), report.dir().resolve("cluster"));
        } catch (RuntimeException | java.io.IOException e) {
            Results results = ResultsBuilder.notCarriedOut(plan, startedAt, elapsedMs(started), "not started",
                    e.getMessage()).withPlanYaml(planYaml);
            report.write(results, out);
            return new RunOutcome(results, report.dir(), Optional.empty());
        }
        try (target) {
            out.printf("target    %s at %s%n", target.description(), target.serviceUri());
            return drive(target, report, startedAt);
        }
    }

    private RunOutcome drive(Target target, ReportFolder report, Instant startedAt) {
        List<String> names = plan.load().requests().stream().map(RequestSpec::name).toList();
        try {
            RunObservation.prime(target);
            Warmup.run(plan.load(), target.serviceUri(), plan.seed(), out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during warm-up", e);
        }
        Optional<Path> hlog = report.wants(dev.faultline.plan.ReportSpec.Format.HLOG)
                ? Optional.of(report.dir().resolve(HLOG)) : Optional.empty();
        RunClock clock = RunClock.startNow();
        SampleRecorder recorder = new SampleRecorder(names, hlog);
        CountDownLatch written = new CountDownLatch(1);
        try (ProcessResources resources = ProcessResources.start(target.components(), clock::millisNow);
             LoadGenerator generator = new LoadGenerator(plan.load(), target.serviceUri(), plan.seed(), clock, recorder);
             FaultSchedule faults = new FaultSchedule(plan.faults(), FaultTypes.into(target), clock,
                     e -> generator.stop())) {
            RunObservation observation = null;
            Interruption interruption = Interruption.install(() -> {
                generator.stop();
                awaitQuietly(written);
                faults.close();
                target.close();
            });
            try {
                out.printf("load      %s model for %s: %s; %d fault%s scheduled%n",
                        plan.load().model().name().toLowerCase(java.util.Locale.ROOT),
                        Durations.format(plan.load().duration()), String.join(", ", names), plan.faults().size(),
                        plan.faults().size() == 1 ? "" : "s");
                observation = RunObservation.start(plan, target, clock);
                live.ifPresent(l -> l.follow(plan.name(), clock, recorder, faults::activeNames,
                        plan.faults().stream().map(dev.faultline.plan.FaultSpec::name).toList()));
                faults.start();
                LoadSummary summary;
                try (Progress progress = Progress.start(out, System.console() != null, clock,
                        plan.load().duration(), recorder, faults::activeNames)) {
                    summary = generator.run();
                }
                faults.close();
                String error = faults.failure() != null ? faults.failure().getMessage()
                        : interruption.happened() ? "the run was interrupted before its end" : null;
                return RunConclusion.conclude(plan, target, report, clock, recorder, summary, faults.timeline(),
                        observation, resources, error, planYaml, out);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } finally {
                live.ifPresent(LiveMetricsEndpoint::unfollow);
                written.countDown();
                if (observation != null) {
                    observation.close();
                }
                interruption.remove();
                recorder.close();
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }
}
