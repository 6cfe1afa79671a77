package dev.faultline.cluster.store.replication;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Counts the answers of replicas to one request and completes once {@code needed} succeeded, once so many
 * failed that {@code needed} cannot be reached any more, or when the deadline passes, whichever comes first.
 * A tally decided before its deadline cancels the deadline, so a timer that removes cancelled tasks does not wake up
 * for it.
 *
 * @param <T> what a successful answer carries
 */
final class Tally<T> {
    private final int total;
    private final int needed;
    private final List<T> successes = new ArrayList<>();
    private int failures;
    private final CompletableFuture<List<T>> reached = new CompletableFuture<>();
    private final ScheduledFuture<?> deadline;

    Tally(int total, int needed, long timeoutMillis, ScheduledExecutorService timer) {
        this.total = total;
        this.needed = needed;
        this.deadline = timer.schedule(this::expire, timeoutMillis, TimeUnit.MILLISECONDS);
    }

    synchronized void success(T answer) {
        if (!reached.isDone()) {
            successes.add(answer);
            if (successes.size() >= needed) {
                decideEarly();
            }
        }
    }

    synchronized void failure() {
        failures++;
        if (!reached.isDone() && total - failures < needed) {
            decideEarly();
        }
    }

    private void decideEarly() {
        deadline.cancel(false);
        reached.complete(List.copyOf(successes));
    }

    private synchronized void expire() {
        reached.complete(List.copyOf(successes));
    }

    /** Completes with the successful answers so far when the tally is decided; fewer than needed means it failed. */
    CompletableFuture<List<T>> decided() {
        return reached;
    }
}
