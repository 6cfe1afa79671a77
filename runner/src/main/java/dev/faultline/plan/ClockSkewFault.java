package dev.faultline.plan;

import java.time.Duration;

/**
 * Shifts the clock of store node {@code node} by {@code offset} through the store's admin hook: a duration, negative
 * when the node's clock is to be behind ({@code -30s}) and positive (optionally {@code +}) when ahead. Healed by
 * setting the skew back to 0.
 */
public record ClockSkewFault(String node, String offset) {
    public ClockSkewFault {
        NodeFaults.requireNode(node, "clock-skew");
        if (offset == null || offset.isBlank()) {
            throw new IllegalArgumentException("clock-skew needs an 'offset', a duration such as -30s (behind) or 5s (ahead)");
        }
        if (parse(offset).isZero()) {
            throw new IllegalArgumentException("an 'offset' of 0 skews nothing: give e.g. -30s (behind) or 5s (ahead)");
        }
    }

    /** The offset: negative when the node's clock is behind. */
    public Duration skew() {
        return parse(offset);
    }

    private static Duration parse(String text) {
        String t = text.strip();
        boolean behind = t.startsWith("-");
        Duration magnitude = Durations.parse(behind || t.startsWith("+") ? t.substring(1) : t);
        return behind ? magnitude.negated() : magnitude;
    }
}
