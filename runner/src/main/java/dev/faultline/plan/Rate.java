package dev.faultline.plan;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An event rate. The one parser of rates in plans: {@code 200/s}, {@code 12k/m}, {@code 1.5k/s}, {@code 100/h}.
 */
public record Rate(double perSecond) {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(k?)\\s*/\\s*(s|m|h)");
    private static final String EXPECTED = "expected a number, an optional k, '/' and s, m or h (e.g. 200/s, 12k/m)";

    public Rate {
        if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("a rate must be a finite number >= 0, not " + perSecond);
        }
    }

    public static Rate parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new UnitFormatException("rate", text, EXPECTED);
        }
        double amount = Double.parseDouble(m.group(1)) * (m.group(2).isEmpty() ? 1 : 1000);
        double seconds = switch (m.group(3)) {
            case "s" -> 1;
            case "m" -> 60;
            default -> 3600;
        };
        return new Rate(amount / seconds);
    }

    @Override
    public String toString() {
        return (perSecond == Math.rint(perSecond) ? String.valueOf((long) perSecond) : String.valueOf(perSecond)) + "/s";
    }
}
