package dev.faultline.plan;

import java.time.Duration;

/**
 * A closed-model user's pause between one response and its next request: fixed ({@code 500ms}) or uniformly random
 * between two bounds, both included ({@code 100ms..900ms}). {@link #parse} is its one parser.
 */
public record ThinkTime(Duration min, Duration max) {
    public static final ThinkTime NONE = new ThinkTime(Duration.ZERO, Duration.ZERO);
    private static final String EXPECTED = "expected a duration (500ms) or a range of two (100ms..900ms)";

    public ThinkTime {
        if (min == null || max == null) {
            throw new IllegalArgumentException("a think time needs both bounds");
        }
        if (min.isNegative() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("think time: the range " + Durations.format(min) + ".."
                    + Durations.format(max) + " must not be negative nor end before it starts");
        }
    }

    public static ThinkTime fixed(Duration d) {
        return new ThinkTime(d, d);
    }

    public static ThinkTime parse(String text) {
        String t = text == null ? "" : text.strip();
        int dots = t.indexOf("..");
        try {
            if (dots < 0) {
                return fixed(Durations.parse(t));
            }
            return new ThinkTime(Durations.parse(t.substring(0, dots)), Durations.parse(t.substring(dots + 2)));
        } catch (UnitFormatException e) {
            throw new UnitFormatException("think time", text, EXPECTED);
        }
    }

    public boolean isFixed() {
        return min.equals(max);
    }

    @Override
    public String toString() {
        return isFixed() ? Durations.format(min) : Durations.format(min) + ".." + Durations.format(max);
    }
}
