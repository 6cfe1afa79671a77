package dev.faultline.sample;

import java.util.List;

/**
 * The failures of a run ({@link FailureLog}): each failed request (up to the log's capacity, the rest counted in
 * {@code failuresOverflowed}), the runs of consecutive failures ended by a success, and the run still going when the
 * load ended (null if none). Times are ms since time zero, by completion.
 */
public record Failures(List<Failure> failures, long failuresOverflowed, List<Run> runs, long runsOverflowed,
        Run unended) {
    public static final Failures NONE = new Failures(List.of(), 0, List.of(), 0, null);

    /** One failed request: when it ended, its latency (from its intended send time) and its kind. */
    public record Failure(long endMs, long latencyMicros, ErrorKind kind) {
    }

    /**
     * Consecutive failures: from the first failure's end to the next success's end ({@code endMs} null when no success
     * came before the load ended), and how many requests failed in it.
     */
    public record Run(long startMs, Long endMs, long failed) {
    }

    public Failures {
        failures = List.copyOf(failures);
        runs = List.copyOf(runs);
    }
}
