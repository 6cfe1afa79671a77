package dev.faultline.check;

import java.util.List;

/**
 * What one check found: the value it observed next to its limit (both in {@code unit}), and a sentence that says so.
 * {@code observed} is null when there was not enough data to observe anything (and then the check failed).
 * {@code details} are short examples behind the verdict (lost elements, differing keys, ...), empty when none.
 */
public record Verdict(
        String name, String type, String window, boolean passed,
        Double observed, double limit, String unit, String message, List<String> details) {

    public Verdict {
        details = details == null ? List.of() : List.copyOf(details);
    }

    /** A verdict without details. */
    public Verdict(String name, String type, String window, boolean passed, Double observed, double limit, String unit,
            String message) {
        this(name, type, window, passed, observed, limit, unit, message, List.of());
    }
}
