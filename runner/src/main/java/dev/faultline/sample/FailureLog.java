package dev.faultline.sample;

import java.util.ArrayList;
import java.util.List;

/**
 * Every completed request's outcome as it happens, reduced to what the failover and breaker checks need, in bounded
 * memory: the runs of consecutive failures (from the first failure to the next success, by completion time) and the
 * failures themselves (when, how long they took, of what kind), each list kept up to its capacity and the rest
 * counted.
 */
public final class FailureLog {
    /** Failures and failure runs kept by default. */
    public static final int DEFAULT_CAPACITY = 200_000;

    private final int capacity;
    private final List<Failures.Failure> failures = new ArrayList<>();
    private final List<Failures.Run> runs = new ArrayList<>();
    private long failuresOverflowed;
    private long runsOverflowed;
    private long openRunStartMs = -1;
    private long openRunFailures;
    private long lastSuccessMs = -1;

    public FailureLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
    }

    /** A request ended {@code endMs} into the run after {@code latencyMicros}: ok when {@code errorOrNull} is null. */
    public synchronized void add(long endMs, long latencyMicros, ErrorKind errorOrNull) {
        if (errorOrNull == null) {
            if (openRunStartMs >= 0) {
                keep(runs, new Failures.Run(openRunStartMs, endMs, openRunFailures), true);
                openRunStartMs = -1;
                openRunFailures = 0;
            }
            lastSuccessMs = Math.max(lastSuccessMs, endMs);
            return;
        }
        keep(failures, new Failures.Failure(endMs, latencyMicros, errorOrNull), false);
        if (openRunStartMs < 0) {
            openRunStartMs = endMs;
        }
        openRunFailures++;
    }

    private <T> void keep(List<T> list, T entry, boolean run) {
        if (list.size() < capacity) {
            list.add(entry);
        } else if (run) {
            runsOverflowed++;
        } else {
            failuresOverflowed++;
        }
    }

    /** What was recorded so far; a run of failures not yet ended by a success is {@link Failures#unended()}. */
    public synchronized Failures snapshot() {
        Failures.Run unended = openRunStartMs < 0 ? null : new Failures.Run(openRunStartMs, null, openRunFailures);
        return new Failures(failures, failuresOverflowed, runs, runsOverflowed, unended);
    }
}
