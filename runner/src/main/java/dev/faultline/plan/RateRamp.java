package dev.faultline.plan;

/** A stage's arrival rate: constant ({@code 100/s}) or a linear ramp ({@code 100/s -> 2000/s}). */
public record RateRamp(Rate from, Rate to) {
    public RateRamp {
        if (from == null || to == null) {
            throw new IllegalArgumentException("a rate ramp needs both ends");
        }
    }

    public static RateRamp constant(Rate rate) {
        return new RateRamp(rate, rate);
    }

    public static RateRamp parse(String text) {
        String t = text == null ? "" : text.strip();
        int arrow = t.indexOf("->");
        if (arrow < 0) {
            return constant(Rate.parse(t));
        }
        return new RateRamp(Rate.parse(t.substring(0, arrow).strip()), Rate.parse(t.substring(arrow + 2).strip()));
    }

    public boolean isConstant() {
        return from.equals(to);
    }

    @Override
    public String toString() {
        return isConstant() ? from.toString() : from + " -> " + to;
    }
}
