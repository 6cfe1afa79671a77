package dev.faultline.check;

import java.util.Locale;

/** How observed values are written in messages: enough digits to see a difference, no more. */
public final class Numbers {
    private Numbers() {
    }

    public static String ms(double ms) {
        if (ms >= 100) {
            return String.format(Locale.ROOT, "%.0fms", ms);
        }
        if (ms >= 10) {
            return String.format(Locale.ROOT, "%.1fms", ms);
        }
        if (ms >= 1 || ms == 0) {
            return String.format(Locale.ROOT, "%.2fms", ms);
        }
        return String.format(Locale.ROOT, "%.3fms", ms);
    }

    public static String percent(double percent) {
        return String.format(Locale.ROOT, percent == Math.rint(percent) ? "%.0f%%" : "%.2f%%", percent);
    }

    public static String points(double points) {
        return String.format(Locale.ROOT, "%.2f points", points);
    }

    /** A value with its unit, as the console table and the JUnit messages show it. */
    public static String withUnit(Double value, String unit) {
        if (value == null) {
            return "-";
        }
        return switch (unit) {
            case "ms" -> ms(value);
            case "%" -> percent(value);
            case "/s" -> String.format(Locale.ROOT, value >= 100 ? "%.0f/s" : "%.1f/s", value);
            case "writes", "requests" -> String.format(Locale.ROOT, "%.0f %s", value, unit);
            default -> String.format(Locale.ROOT, "%.3g %s", value, unit);
        };
    }
}
