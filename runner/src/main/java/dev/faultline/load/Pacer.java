package dev.faultline.load;

import dev.faultline.sample.ErrorKind;
import dev.faultline.sample.RunClock;
import dev.faultline.sample.SampleRecorder;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Sends arrivals at their intended times. It sleeps until the next arrival is due (never sends early), renders it,
 * and hands it to an event loop's pool, spreading arrivals over the pools in turn. Arrivals that fall due together
 * (the pacer woke late, or the rate is high) go to each pool as one batch. An arrival that finds max-in-flight
 * requests outstanding is not sent: it is recorded as DROPPED. Runs on one thread.
 *
 * <p>Precision against CPU: a park overshoots by some tens of microseconds, and that lateness is measured as the
 * target's latency. When arrivals are far apart the pacer parks short of the arrival and yields for the last stretch
 * (a little CPU per arrival). When they are close together that stretch would be all the time — a spinning core
 * the event loops and the target need — so it parks instead and sends whatever fell due in one batch: each request
 * may leave up to {@link #MIN_PARK} plus a park's overshoot late, and its measured latency includes that.
 */
final class Pacer {
    private static final int MAX_BATCH = 64;
    /** The most a park may be cut short to make up for oversleeping, in nanoseconds. */
    private static final long MAX_MARGIN = 250_000;
    /** Arrivals at least this many oversleeps apart get the yielding last stretch; closer ones are parked for. */
    private static final long SPIN_RATIO = 8;
    /** The shortest park for close arrivals: bounds the pacer's wake-ups to 10k a second whatever the rate. */
    private static final long MIN_PARK = 100_000;

    private final ArrivalSchedule schedule;
    private final RequestMix mix;
    private final long endNanos;
    private final int maxInFlight;
    private final AtomicInteger outstanding;
    private final RunClock clock;
    private final SampleRecorder recorder;
    private final ConnectionPool[] pools;
    private final List<List<Arrival>> batches = new ArrayList<>();
    private long sent;
    private long dropped;
    /** How much a park overshoots, learnt as the run goes (about 100 us on a loaded VM with 50 us timer slack). */
    private long oversleep = 60_000;
    /** The intended time of the previous arrival, to tell far-apart arrivals from close ones. */
    private long previousIntended = Long.MIN_VALUE / 2;

    Pacer(ArrivalSchedule schedule, RequestMix mix, long endNanos, int maxInFlight, AtomicInteger outstanding,
            RunClock clock, SampleRecorder recorder, ConnectionPool[] pools) {
        this.schedule = schedule;
        this.mix = mix;
        this.endNanos = endNanos;
        this.maxInFlight = maxInFlight;
        this.outstanding = outstanding;
        this.clock = clock;
        this.recorder = recorder;
        this.pools = pools;
        for (int i = 0; i < pools.length; i++) {
            batches.add(new ArrayList<>());
        }
    }

    /** Paces every arrival of the schedule, or until {@code stopped} says so. */
    void run(BooleanSupplier stopped) throws InterruptedException {
        long seq = 0;
        int next = 0;
        int pending = 0;
        try {
            for (long intended = schedule.next(); intended < endNanos; intended = schedule.next()) {
                if (pending > 0 && intended - clock.nanosNow() > 0) {
                    dispatch();
                    pending = 0;
                }
                waitUntil(intended, stopped);
                if (stopped.getAsBoolean()) {
                    break;
                }
                int request = mix.choose();
                if (outstanding.get() >= maxInFlight) {
                    dropped++;
                    recorder.record(mix.name(request), intended, Math.max(intended, clock.nanosNow()), ErrorKind.DROPPED);
                    seq++;
                    continue;
                }
                outstanding.incrementAndGet();
                sent++;
                batches.get(next).add(mix.arrival(request, seq++, intended, ByteBufAllocator.DEFAULT));
                next = (next + 1) % pools.length;
                if (++pending >= MAX_BATCH) {
                    dispatch();
                    pending = 0;
                }
            }
        } finally {
            dispatch();
        }
    }

    /**
     * Parks until shortly before {@code intended}, cut short by the oversleep learnt so far, then yields until it is
     * due: parks alone would send ~100 us late here, and that lateness would be measured as the target's latency.
     */
    private void waitUntil(long intended, BooleanSupplier stopped) throws InterruptedException {
        long wait;
        boolean farApart = intended - previousIntended > SPIN_RATIO * oversleep;
        previousIntended = intended;
        while ((wait = intended - clock.nanosNow()) > 0 && !stopped.getAsBoolean()) {
            if (!farApart) {
                LockSupport.parkNanos(this, Math.max(wait, MIN_PARK));
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted while pacing arrivals");
                }
            } else if (wait > oversleep) {
                long asked = wait - oversleep;
                long before = clock.nanosNow();
                LockSupport.parkNanos(this, asked);
                long over = clock.nanosNow() - before - asked;
                oversleep += (Math.max(0, Math.min(over, MAX_MARGIN)) - oversleep) / 8;
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted while pacing arrivals");
                }
            } else {
                Thread.yield(); // the last stretch: a park would overshoot it; yielding lets other threads run
            }
        }
    }

    long sent() {
        return sent;
    }

    long dropped() {
        return dropped;
    }

    private void dispatch() {
        for (int i = 0; i < pools.length; i++) {
            List<Arrival> batch = batches.get(i);
            if (!batch.isEmpty()) {
                pools[i].submit(batch);
                batches.set(i, new ArrayList<>());
            }
        }
    }
}
