package dev.faultline.plan;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The keys that {@code ${key}} draws from: {@code count} keys {@code k0..k(count-1)} under a distribution. */
public record KeySpace(Long count, Distribution distribution, Double exponent) {
    public static final KeySpace DEFAULTS = new KeySpace(1000L, Distribution.UNIFORM, 1.0);

    /** How keys are drawn. */
    public enum Distribution {
        @JsonProperty("uniform") UNIFORM,
        /** Zipf with {@code exponent}: a few hot keys. */
        @JsonProperty("zipf") ZIPF,
        /** k0, k1, k2, ... wrapping at count. */
        @JsonProperty("sequential") SEQUENTIAL
    }

    public KeySpace {
        count = count == null ? 1000L : count;
        distribution = distribution == null ? Distribution.UNIFORM : distribution;
        exponent = exponent == null ? 1.0 : exponent;
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, not " + count);
        }
        if (!(exponent > 0)) {
            throw new IllegalArgumentException("exponent must be greater than 0, not " + exponent);
        }
    }
}
