package dev.faultline.check;

/**
 * What one check found: the value it observed next to its limit (both in {@code unit}), and a sentence that says so.
 * {@code observed} is null when there was not enough data to observe anything (and then the check failed).
 */
public record Verdict(
        String name, String type, String window, boolean passed,
        Double observed, double limit, String unit, String message) {
}
