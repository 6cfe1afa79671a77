package dev.faultline.load;

import dev.faultline.plan.LoadSpec;
import dev.faultline.plan.Stage;
import dev.faultline.plan.ThinkTime;
import dev.faultline.sample.RunClock;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The closed model: virtual users, each sending one request, waiting for its end (response, error or timeout),
 * thinking for the think time, and going again, until the load's end. The number of users follows the stages
 * (constant or a linear ramp); a controller thread adds users and asks users to leave as the stages go. A user's
 * latency is measured from when it actually sent (a closed loop waits for the target, so there is no schedule to be
 * late against). Each user's iterations run on its pool's event loop; rendering takes turns under a lock.
 */
final class ClosedUsers {
    /** How often the controller brings the number of users in line with the stages. */
    private static final long ADJUST_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final List<Stage> stages;
    private final ThinkTime think;
    private final RequestMix mix;
    private final ConnectionPool[] pools;
    private final RunClock clock;
    private final AtomicInteger outstanding;
    private final long endNanos;
    private final List<VirtualUser> users = new ArrayList<>();
    private final AtomicLong seq = new AtomicLong();
    private final LongAdder sent = new LongAdder();
    private final LongAdder iterations = new LongAdder();
    private volatile boolean over;
    private int nextId;
    private int peak;

    ClosedUsers(LoadSpec spec, RequestMix mix, ConnectionPool[] pools, RunClock clock, AtomicInteger outstanding) {
        spec.requireStagesFitModel();
        this.stages = spec.stages();
        this.think = spec.thinkTime();
        this.mix = mix;
        this.pools = pools;
        this.clock = clock;
        this.outstanding = outstanding;
        this.endNanos = spec.duration().toNanos();
    }

    /** Keeps the number of users in line with the stages until the load's end or {@code stopped}; then all leave. */
    void run(BooleanSupplier stopped) throws InterruptedException {
        try {
            long now;
            while ((now = clock.nanosNow()) < endNanos && !stopped.getAsBoolean()) {
                adjust(wantedAt(now));
                LockSupport.parkNanos(this, Math.min(ADJUST_NANOS, endNanos - now));
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted while running virtual users");
                }
            }
        } finally {
            over = true;
        }
    }

    /**
     * A user's request ended (on its pool's loop): count the iteration and, after the think time, go again. When the
     * request was answered its connection is idle again, so without think time the user goes again at once; after a
     * connection failure it goes through the loop's queue, so a target refusing connections is retried in turn with
     * the loop's other work rather than from inside the failure's handling.
     */
    void ended(VirtualUser user, boolean answered) {
        iterations.increment();
        long pause = thinkNanos();
        if (pause == 0 && answered && user.pool.loop().inEventLoop()) {
            iterate(user);
        } else if (pause == 0) {
            user.pool.loop().execute(() -> iterate(user));
        } else {
            user.pool.loop().schedule(() -> iterate(user), pause, TimeUnit.NANOSECONDS);
        }
    }

    long sent() {
        return sent.sum();
    }

    long iterations() {
        return iterations.sum();
    }

    /** The most users that ran at once. */
    int peakUsers() {
        return peak;
    }

    private void adjust(int wanted) {
        while (users.size() < wanted) {
            VirtualUser user = new VirtualUser(nextId, pools[nextId % pools.length]);
            nextId++;
            users.add(user);
            user.pool.loop().execute(() -> iterate(user));
        }
        while (users.size() > wanted) {
            users.remove(users.size() - 1).leaving = true;
        }
        peak = Math.max(peak, users.size());
    }

    private void iterate(VirtualUser user) {
        if (over || user.leaving || clock.nanosNow() >= endNanos) {
            return;
        }
        long now = clock.nanosNow();
        Arrival arrival;
        synchronized (mix) {
            int request = mix.choose();
            arrival = mix.arrival(request, seq.getAndIncrement(), user.id, now, ByteBufAllocator.DEFAULT);
        }
        arrival.user = user;
        outstanding.incrementAndGet();
        sent.increment();
        user.pool.submitOne(arrival);
    }

    /** The users the stages want at run time {@code nanos}. */
    private int wantedAt(long nanos) {
        long start = 0;
        for (Stage stage : stages) {
            long length = stage.duration().toNanos();
            if (nanos < start + length) {
                return stage.users().at((double) (nanos - start) / length);
            }
            start += length;
        }
        return 0;
    }

    private long thinkNanos() {
        long min = think.min().toNanos();
        long max = think.max().toNanos();
        return min == max ? min : ThreadLocalRandom.current().nextLong(min, max + 1);
    }
}
