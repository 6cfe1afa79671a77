package dev.faultline.run;

import dev.faultline.load.LoadGenerator;
import dev.faultline.plan.Durations;
import dev.faultline.plan.LoadSpec;
import dev.faultline.plan.RequestSpec;
import dev.faultline.plan.Stage;
import dev.faultline.sample.RunClock;
import dev.faultline.sample.SampleRecorder;
import java.io.PrintWriter;
import java.net.URI;
import java.util.Optional;

/**
 * Sends the plan's request mix at its first rate (or first number of users) for {@code load.warmup} before measuring
 * starts, and forgets what it measured: a fresh JVM (the generator's and, in-JVM, the target's) is slow for its first
 * second, and that is not what a plan asks about.
 *
 * <p>It runs its own {@link LoadGenerator}, with the same keep-alive connection pooling as the run, but its connections
 * close when it ends and the run opens its own: a generator's pools are bound to its run clock and its recorder, and
 * handing open connections from one generator to the next would make the first requests of the run depend on what the
 * warm-up left behind (a connection the target half-closed meanwhile would show as a reset in the run). The cost is
 * one connect per connection at the run's start, a loopback round trip, which the run measures as it would any
 * client's first request.
 */
final class Warmup {
    private Warmup() {
    }

    static void run(LoadSpec load, URI target, long seed, PrintWriter out) throws InterruptedException {
        if (load.warmup().isZero()) {
            return;
        }
        LoadSpec warmup = load.warmupLoad();
        Stage first = warmup.stages().get(0);
        out.printf("warmup    %s at %s (not recorded)%n", Durations.format(load.warmup()),
                first.rate() != null ? first.rate() : first.users().from() + " users");
        try (SampleRecorder discarded = new SampleRecorder(
                    warmup.requests().stream().map(RequestSpec::name).toList(), Optional.empty());
             LoadGenerator generator = new LoadGenerator(warmup, target, seed, RunClock.startNow(), discarded)) {
            generator.run();
        }
    }
}
