package dev.faultline.plan;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of data in bytes. The one parser of sizes in plans: {@code 512B}, {@code 64KB}, {@code 1.5MB}, {@code 1GB}
 * (powers of 1024); bandwidths are written with {@code /s} ({@code 100KB/s}) and parsed by {@link #parseRate}.
 */
public record DataSize(long bytes) {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(B|KB|MB|GB)");
    private static final String EXPECTED = "expected a number and B, KB, MB or GB (e.g. 64KB)";

    public DataSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size cannot be negative: " + bytes);
        }
    }

    public static DataSize parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new UnitFormatException("size", text, EXPECTED);
        }
        return of(m);
    }

    /** A bandwidth such as {@code 100KB/s}, as bytes per second. */
    public static DataSize parseRate(String text) {
        String t = text == null ? "" : text.strip();
        if (!t.endsWith("/s")) {
            throw new UnitFormatException("bandwidth", text, "expected a size per second (e.g. 100KB/s)");
        }
        Matcher m = FORM.matcher(t.substring(0, t.length() - 2).strip());
        if (!m.matches()) {
            throw new UnitFormatException("bandwidth", text, "expected a size per second (e.g. 100KB/s)");
        }
        return of(m);
    }

    private static DataSize of(Matcher m) {
        long unit = switch (m.group(2)) {
            case "B" -> 1L;
            case "KB" -> 1L << 10;
            case "MB" -> 1L << 20;
            default -> 1L << 30;
        };
        return new DataSize(Math.round(Double.parseDouble(m.group(1)) * unit));
    }
}
