package dev.faultline.run;

import dev.faultline.fault.FaultRecord;
import dev.faultline.load.LoadGenerator;
import dev.faultline.load.LoadSummary;
import dev.faultline.observe.ProcessResources;
import dev.faultline.observe.RunObservation;
import dev.faultline.plan.Plan;
import dev.faultline.plan.ReportSpec;
import dev.faultline.plan.RequestSpec;
import dev.faultline.sample.RunClock;
import dev.faultline.sample.SampleRecorder;
import dev.faultline.targets.Target;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A plan's load driven against a target that is already running, in the background, while the caller injects and
 * heals faults itself (the JUnit extension's programmatic runs). The caller reports each fault as it happened on the
 * {@link System#nanoTime()} scale; {@link #await} turns them into the run's fault timeline, so windows named after
 * them mean what they mean in a plan. The plan's own {@code faults} must be empty; its checks are evaluated.
 *
 * <p>The target is the caller's: it is neither started nor stopped here.
 */
public final class DrivenRun implements AutoCloseable {
    /** A fault as the caller applied it: {@code endNanos} is null while it is still active. */
    public record AppliedFault(String name, String type, String target, long startNanos, Long endNanos) {
    }

    private final Plan plan;
    private final Target target;
    private final ReportFolder report;
    private final PrintWriter out;
    private final RunClock clock;
    private final SampleRecorder recorder;
    private final LoadGenerator generator;
    private final RunObservation observation;
    private final ProcessResources resources;
    private final CompletableFuture<LoadSummary> load;
    private boolean closed;

    private DrivenRun(Plan plan, Target target, ReportFolder report, PrintWriter out) {
        this.plan = plan;
        this.target = target;
        this.report = report;
        this.out = out;
        List<String> names = plan.load().requests().stream().map(RequestSpec::name).toList();
        this.clock = RunClock.startNow();
        this.recorder = new SampleRecorder(names, report.wants(ReportSpec.Format.HLOG)
                ? Optional.of(report.dir().resolve("latency.hlog")) : Optional.empty());
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            this.resources = ProcessResources.start(target.components(), clock::millisNow);
            opened.add(resources);
            this.generator = new LoadGenerator(plan.load(), target.serviceUri(), plan.seed(), clock, recorder);
            opened.add(generator);
            this.observation = RunObservation.start(plan, target, clock);
        } catch (RuntimeException e) {
            opened.forEach(DrivenRun::closeQuietly);
            recorder.close();
            throw e;
        }
        this.load = new CompletableFuture<>();
        Thread driver = new Thread(this::drive, "faultline-load-" + plan.name());
        driver.setDaemon(true);
        driver.start();
    }

    /**
     * Warms the target up (the plan's {@code load.warmup}, not recorded), then starts the load in the background and
     * returns at once; time zero of the run is now.
     */
    public static DrivenRun start(Plan plan, Target target, Path reportDir, PrintWriter out) throws InterruptedException {
        if (!plan.faults().isEmpty()) {
            throw new IllegalArgumentException("a driven run's faults are injected by its caller, not scheduled: "
                    + "the plan must have none");
        }
        ReportFolder report = new ReportFolder(reportDir, plan.report().formats());
        try {
            report.prepare();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the report folder " + reportDir, e);
        }
        RunObservation.prime(target);
        Warmup.run(plan.load(), target.serviceUri(), plan.seed(), out);
        return new DrivenRun(plan, target, report, out);
    }

    private void drive() {
        try {
            load.complete(generator.run());
        } catch (InterruptedException e) {
            load.completeExceptionally(e);
        } catch (RuntimeException | Error e) {
            load.completeExceptionally(e);
        }
    }

    /** The run's time base: time zero is when the load started. */
    public RunClock clock() {
        return clock;
    }

    /** Whether the load is still running. */
    public boolean running() {
        return !load.isDone();
    }

    /** Ends the load now instead of at the end of its stages; {@link #await} then concludes the run. */
    public void stopLoad() {
        generator.stop();
    }

    /**
     * Waits for the load to end, then concludes the run: the faults the caller applied become its timeline, the
     * plan's checks are evaluated and the report is written. A fault still active is reported as lasting to the end.
     */
    public RunOutcome await(List<AppliedFault> faults) throws InterruptedException {
        LoadSummary summary;
        try {
            summary = load.get();
        } catch (ExecutionException e) {
            close();
            throw new IllegalStateException("the load failed: " + e.getCause().getMessage(), e.getCause());
        }
        try {
            List<FaultRecord> timeline = timeline(faults, summary.durationMs());
            return RunConclusion.conclude(plan, target, report, clock, recorder, summary, timeline, observation,
                    resources, null, null, out);
        } finally {
            close();
        }
    }

    private List<FaultRecord> timeline(List<AppliedFault> faults, long loadEndMs) {
        List<FaultRecord> records = new ArrayList<>();
        for (AppliedFault f : faults) {
            long startMs = Math.max(0, millis(f.startNanos()));
            Long endMs = f.endNanos() == null ? null : millis(f.endNanos());
            if ((endMs != null && endMs < 0) || startMs > loadEndMs) {
                continue; // healed before the load started, or applied after it ended
            }
            records.add(new FaultRecord(f.name(), f.type(), f.target(), startMs, endMs));
        }
        return records;
    }

    private long millis(long nanos) {
        return (nanos - clock.zeroNanos()) / 1_000_000L;
    }

    /** Stops the load if it still runs and releases what the run holds; the target is left running. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        generator.stop();
        closeQuietly(generator);
        closeQuietly(observation);
        closeQuietly(resources);
        recorder.close();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // releasing: nothing more to do about it
        }
    }
}
