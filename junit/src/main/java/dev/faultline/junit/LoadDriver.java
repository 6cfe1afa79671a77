package dev.faultline.junit;

import dev.faultline.plan.Plan;
import dev.faultline.plan.ReportSpec;
import dev.faultline.run.DrivenRun;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Drives a {@link Load} against the test's target with the toolkit's own load generator (open or closed model,
 * coordinated-omission-corrected latency), while the test injects faults through {@link Faults}. Each run writes its
 * report (results.json, HTML, ...) under {@code target/faultline-junit/<test class>/<test method>/}.
 */
public final class LoadDriver {
    private final TestSession session;
    private final long seed;

    LoadDriver(TestSession session, long seed) {
        this.session = session;
        this.seed = seed;
    }

    /**
     * Warms the target up, then starts the load in the background and returns; time zero of the run is then. Faults
     * applied through {@link Faults} while it runs are in its timeline, under their names.
     */
    public LoadRun start(Load load) {
        RunningTarget target = session.target().orElseThrow(() -> new IllegalStateException(
                "the load driver needs a target: add a @ReferenceCluster, @PlanTarget or @ContainerService parameter"));
        int index = session.runsSoFar() + 1;
        String name = session.name() + (index == 1 ? "" : "-" + index);
        Plan plan = new Plan(name, "driven by the JUnit test " + session.name(), seed, target.spec(), load.spec(),
                List.of(), List.of(), ReportSpec.DEFAULTS);
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        try {
            DrivenRun run = DrivenRun.start(plan, target.target(), session.reportRoot().resolve(name), out);
            return session.register(new LoadRun(run, session.faults()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while warming the target up", e);
        }
    }

    /** Drives the load to its end and returns what it measured. */
    public RunResult run(Load load) {
        try (LoadRun run = start(load)) {
            return run.await();
        }
    }

    /** Drives the load, applying {@code during} from {@code at} after its start until {@code at + lasting}. */
    public RunResult runWith(Load load, Duration at, Duration lasting, FaultAction during) {
        try (LoadRun run = start(load)) {
            run.sleepUntil(at);
            try (ActiveFault fault = during.apply(session.faults())) {
                run.sleepUntil(at.plus(lasting));
            }
            return run.await();
        }
    }

    /** A fault to apply during a run: {@code faults -> faults.isolate("split", "n1")}. */
    @FunctionalInterface
    public interface FaultAction {
        ActiveFault apply(Faults faults);
    }
}
