package dev.faultline.cluster.balancer;

import io.netty.channel.EventLoop;
import java.util.concurrent.TimeUnit;

/**
 * The backend timeouts of one event loop's exchanges, with one scheduled task instead of one per exchange. Every
 * exchange of a balancer has the same timeout, so exchanges expire in the order they started: they wait in a list
 * in that order (linked through the exchanges themselves, so adding and removing allocate nothing), and the one
 * task wakes at the deadline of the oldest, times out whatever is overdue and sleeps until the next deadline.
 * Used only on its event loop.
 */
final class ExchangeTimer {
    /** Something with a deadline that this timer can end. */
    abstract static class Entry {
        private Entry previous;
        private Entry next;
        private boolean waiting;
        private long deadline;

        /** The deadline passed while the entry was still waiting. */
        abstract void expired();
    }

    private final EventLoop eventLoop;
    private final long timeoutNanos;
    private Entry oldest;
    private Entry newest;
    private boolean armed;

    ExchangeTimer(EventLoop eventLoop, long timeoutNanos) {
        this.eventLoop = eventLoop;
        this.timeoutNanos = timeoutNanos;
    }

    /** Starts the timeout of {@code entry} now. */
    void add(Entry entry) {
        assert eventLoop.inEventLoop() && !entry.waiting;
        entry.deadline = eventLoop.ticker().nanoTime() + timeoutNanos;
        entry.waiting = true;
        entry.previous = newest;
        entry.next = null;
        if (newest == null) {
            oldest = entry;
        } else {
            newest.next = entry;
        }
        newest = entry;
        if (!armed) {
            arm(timeoutNanos);
        }
    }

    /** Stops the timeout of {@code entry}, which finished in time; nothing if it is not waiting. */
    void remove(Entry entry) {
        if (!entry.waiting) {
            return;
        }
        entry.waiting = false;
        if (entry.previous == null) {
            oldest = entry.next;
        } else {
            entry.previous.next = entry.next;
        }
        if (entry.next == null) {
            newest = entry.previous;
        } else {
            entry.next.previous = entry.previous;
        }
        entry.previous = null;
        entry.next = null;
    }

    private void arm(long delayNanos) {
        armed = true;
        eventLoop.schedule(this::expireOverdue, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }

    private void expireOverdue() {
        armed = false;
        long now = eventLoop.ticker().nanoTime();
        while (oldest != null && oldest.deadline - now <= 0) {
            Entry overdue = oldest;
            remove(overdue);
            overdue.expired();
        }
        if (oldest != null) {
            arm(oldest.deadline - now);
        }
    }
}
