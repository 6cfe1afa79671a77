package dev.faultline.load;

import dev.faultline.plan.LoadSpec.Arrivals;
import dev.faultline.plan.Stage;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The intended arrival times of an open-model load, in nanoseconds since the load's start. The stages define
 * {@code N(t)}, the expected number of arrivals by time {@code t} (the integral of the piecewise linear rate). The
 * k-th arrival is at {@code N^-1(x_k)}: uniform arrivals take {@code x_k = k} (evenly spaced at a constant rate,
 * following the rate along a ramp); Poisson arrivals take {@code x_k} as the sum of k exponential gaps with mean 1
 * (an exact Poisson process, also along ramps). Not thread-safe: the pacer alone asks for arrivals.
 */
final class ArrivalSchedule {
    /** Returned by {@link #next()} when the stages are over. */
    static final long DONE = Long.MAX_VALUE;
    private static final double EPSILON = 1e-9;

    private final double[] startSeconds;
    private final double[] seconds;
    private final double[] fromRate;
    private final double[] toRate;
    /** cumulative[i]: the expected arrivals before stage i; cumulative[n]: all of them. */
    private final double[] cumulative;
    private final boolean poisson;
    private final SplittableRandom random;
    private double position;
    private int stage;

    ArrivalSchedule(List<Stage> stages, Arrivals arrivals, SplittableRandom random) {
        int n = stages.size();
        startSeconds = new double[n];
        seconds = new double[n];
        fromRate = new double[n];
        toRate = new double[n];
        cumulative = new double[n + 1];
        double start = 0;
        for (int i = 0; i < n; i++) {
            Stage s = stages.get(i);
            startSeconds[i] = start;
            seconds[i] = s.duration().toNanos() / 1e9;
            fromRate[i] = s.rate().from().perSecond();
            toRate[i] = s.rate().to().perSecond();
            cumulative[i + 1] = cumulative[i] + s.expectedArrivals();
            start += seconds[i];
        }
        this.poisson = arrivals == Arrivals.POISSON;
        this.random = random;
        this.position = poisson ? gap() : 0;
    }

    /** The next arrival's intended time in nanoseconds since the start, or {@link #DONE}. */
    long next() {
        int n = seconds.length;
        if (position >= cumulative[n] - EPSILON) {
            return DONE;
        }
        while (stage < n - 1 && position >= cumulative[stage + 1]) {
            stage++;
        }
        double t = startSeconds[stage] + timeWithinStage(stage, position - cumulative[stage]);
        position += poisson ? gap() : 1;
        return Math.round(t * 1e9);
    }

    /** Solves {@code r0 t + (r1 - r0) t^2 / (2d) = x} for t in [0, d]. */
    private double timeWithinStage(int i, double x) {
        if (x <= 0) {
            return 0;
        }
        double a = (toRate[i] - fromRate[i]) / (2 * seconds[i]);
        double b = fromRate[i];
        double t = a == 0 ? x / b : 2 * x / (b + Math.sqrt(Math.max(0, b * b + 4 * a * x)));
        return Math.min(Math.max(t, 0), seconds[i]);
    }

    private double gap() {
        return -Math.log(1 - random.nextDouble());
    }
}
