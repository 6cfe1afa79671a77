package dev.faultline.plan;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A share between 0% and 100%. The one parser of percentages in plans: {@code 99.5%}, {@code 50%}, {@code 0%}. */
public record Percentage(double percent) {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");

    public Percentage {
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("a percentage must lie between 0% and 100%, not " + percent + "%");
        }
    }

    public static Percentage parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new UnitFormatException("percentage", text, "expected a number followed by % (e.g. 99.5%)");
        }
        double value = Double.parseDouble(m.group(1));
        if (value > 100) {
            throw new UnitFormatException("percentage", text, "a percentage can be at most 100%");
        }
        return new Percentage(value);
    }

    public double fraction() {
        return percent / 100.0;
    }

    @Override
    public String toString() {
        return (percent == Math.rint(percent) ? String.valueOf((long) percent) : String.valueOf(percent)) + "%";
    }
}
