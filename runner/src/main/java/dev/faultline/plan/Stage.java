package dev.faultline.plan;

import java.time.Duration;

/** One stage of an open-model load: a duration at a constant rate or a linear ramp ({@code 100/s -> 2000/s}). */
public record Stage(Duration duration, RateRamp rate) {
    public Stage {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("a stage needs a 'duration' longer than 0");
        }
        if (rate == null) {
            throw new IllegalArgumentException("a stage needs a 'rate'");
        }
    }

    /** How many arrivals this stage should produce: the integral of its rate over its duration. */
    public double expectedArrivals() {
        return (rate.from().perSecond() + rate.to().perSecond()) / 2 * duration.toNanos() / 1e9;
    }
}
