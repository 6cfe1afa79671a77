package dev.faultline.junit;

import dev.faultline.run.DrivenRun;
import dev.faultline.run.RunOutcome;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A load running in the background (see {@link LoadDriver#start}); {@link #await()} ends it with its result. */
public final class LoadRun implements AutoCloseable {
    private final DrivenRun run;
    private final Faults faults;
    private RunResult result;

    LoadRun(DrivenRun run, Faults faults) {
        this.run = run;
        this.faults = faults;
    }

    /** How long the load has been running. */
    public Duration elapsed() {
        return Duration.ofNanos(run.clock().nanosNow());
    }

    /** Sleeps until the load has been running for {@code sinceStart} (returns at once if it already has). */
    public void sleepUntil(Duration sinceStart) {
        long left = sinceStart.toNanos() - run.clock().nanosNow();
        if (left <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(left);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the load ran", e);
        }
    }

    /** Whether the load is still running. */
    public boolean running() {
        return run.running();
    }

    /** Ends the load now rather than at the end of its duration. */
    public void stop() {
        run.stopLoad();
    }

    /**
     * Waits for the load to end and returns what it measured, with the faults applied meanwhile as its windows; a
     * fault still in place counts as lasting to the end. The report is written at this point.
     */
    public synchronized RunResult await() {
        if (result == null) {
            try {
                RunOutcome outcome = run.await(faults.timeline());
                result = new RunResult(outcome);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the load to end", e);
            }
        }
        return result;
    }

    /** Stops the load if it still runs; what it measured is dropped unless {@link #await()} was called. */
    @Override
    public void close() {
        run.close();
    }
}
