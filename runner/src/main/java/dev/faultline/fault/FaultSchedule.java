package dev.faultline.fault;

import dev.faultline.plan.FaultSpec;
import dev.faultline.sample.RunClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Starts each fault at its {@code at} and heals it after its {@code for}, on the run's clock. Every fault is healed
 * when its time ends and, whatever happens, when the schedule is closed: {@link #close()} is idempotent and safe from
 * a shutdown hook. A fault without {@code for} lasts until the schedule is closed.
 */
public final class FaultSchedule implements AutoCloseable {
    /** Threads to start and heal faults: a restart after a crash takes seconds and must not hold up other faults. */
    private static final int MAX_THREADS = 4;
    /** At most how long close waits for a start or heal under way: a restart's start timeout and health check. */
    private static final long CLOSE_WAIT_SECONDS = 45;
    private final List<ScheduledFault> faults = new ArrayList<>();
    private final FaultInjector injector;
    private final RunClock clock;
    private final ScheduledExecutorService timer;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final Consumer<RuntimeException> onFailure;

    /**
     * @param onFailure told (once) when a fault cannot be started or healed, so the run can stop early
     */
    public FaultSchedule(List<FaultSpec> specs, FaultInjector injector, RunClock clock, Consumer<RuntimeException> onFailure) {
        for (FaultSpec spec : specs) {
            faults.add(new ScheduledFault(spec));
        }
        this.injector = injector;
        this.clock = clock;
        this.onFailure = Objects.requireNonNull(onFailure);
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(
                Math.max(1, Math.min(faults.size(), MAX_THREADS)), r -> {
                    Thread t = new Thread(r, "faultline-faults");
                    t.setDaemon(true);
                    return t;
                });
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.timer = pool;
    }

    /** Schedules every fault relative to the clock's time zero. */
    public void start() {
        for (ScheduledFault fault : faults) {
            long startDelay = fault.spec.at().toNanos() - clock.nanosNow();
            timer.schedule(() -> begin(fault), Math.max(0, startDelay), TimeUnit.NANOSECONDS);
            if (fault.spec.duration() != null) {
                long endDelay = fault.spec.at().plus(fault.spec.duration()).toNanos() - clock.nanosNow();
                timer.schedule(() -> finish(fault, false), Math.max(0, endDelay), TimeUnit.NANOSECONDS);
            }
        }
    }

    private void begin(ScheduledFault fault) {
        try {
            fault.start(injector, clock::millisNow);
        } catch (RuntimeException e) {
            fail(new IllegalStateException("fault '" + fault.spec.name() + "' could not be started: " + e.getMessage(), e));
        }
    }

    private void finish(ScheduledFault fault, boolean runEnded) {
        try {
            fault.end(clock::millisNow, runEnded);
        } catch (RuntimeException e) {
            fail(new IllegalStateException("fault '" + fault.spec.name() + "' could not be healed: " + e.getMessage(), e));
        }
    }

    private void fail(RuntimeException e) {
        if (failure.compareAndSet(null, e)) {
            onFailure.accept(e);
        }
    }

    /** The first fault that could not be started or healed, if any. */
    public RuntimeException failure() {
        return failure.get();
    }

    /** The names of the faults active now. */
    public List<String> activeNames() {
        List<String> names = new ArrayList<>();
        for (ScheduledFault fault : faults) {
            if (fault.isActive()) {
                names.add(fault.spec.name());
            }
        }
        return names;
    }

    /** Every fault that started, with its real start and heal times, in plan order. */
    public List<FaultRecord> timeline() {
        List<FaultRecord> records = new ArrayList<>();
        for (ScheduledFault fault : faults) {
            FaultRecord record = fault.record();
            if (record != null) {
                records.add(record);
            }
        }
        return records;
    }

    /**
     * Cancels what has not started and heals what is active; idempotent. A start or heal under way (a restart takes
     * seconds) is let finish, not interrupted, so a crashed component is not left half started.
     */
    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ScheduledFault fault : faults) {
            finish(fault, true);
        }
    }
}
