package dev.faultline.plan;

import java.time.Duration;

/**
 * One stage of the load: a duration, and either an arrival {@code rate} (open model: constant {@code 200/s} or a
 * linear ramp {@code 100/s -> 2000/s}) or a number of {@code users} (closed model: {@code 20} or {@code 10 -> 50}).
 */
public record Stage(Duration duration, RateRamp rate, UsersRamp users) {
    public Stage {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("a stage needs a 'duration' longer than 0");
        }
        if (rate == null && users == null) {
            throw new IllegalArgumentException("a stage needs a 'rate' (open model) or 'users' (closed model)");
        }
        if (rate != null && users != null) {
            throw new IllegalArgumentException("a stage has a 'rate' (open model) or 'users' (closed model), not both");
        }
    }

    /** An open-model stage. */
    public Stage(Duration duration, RateRamp rate) {
        this(duration, rate, null);
    }

    /** A closed-model stage. */
    public static Stage users(Duration duration, UsersRamp users) {
        return new Stage(duration, null, users);
    }

    /** How many arrivals this open-model stage should produce (the integral of its rate); 0 for a closed one. */
    public double expectedArrivals() {
        return rate == null ? 0 : (rate.from().perSecond() + rate.to().perSecond()) / 2 * duration.toNanos() / 1e9;
    }
}
