package dev.faultline.cluster.balancer;

import java.time.Duration;

/** Checks shared by the balancer's settings records; each message names the field. */
final class Settings {
    private Settings() {
    }

    static Duration positive(String field, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("'" + field + "' must be longer than 0, but is " + value);
        }
        return value;
    }

    static void atLeast(String field, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException("'" + field + "' must be at least " + minimum + ", but is " + value);
        }
    }

    static void percent(String field, double value) {
        if (!(value > 0 && value <= 100)) {
            throw new IllegalArgumentException("'" + field + "' must lie above 0 and at most 100, but is " + value);
        }
    }
}
