package dev.faultline.sample;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** How many requests there were, how many succeeded, and the failures by kind. */
public record Outcomes(long total, long ok, Map<ErrorKind, Long> errors) {
    public static final Outcomes NONE = new Outcomes(0, 0, Map.of());

    public Outcomes {
        EnumMap<ErrorKind, Long> copy = new EnumMap<>(ErrorKind.class);
        errors.forEach((k, v) -> {
            if (v != 0) {
                copy.put(k, v);
            }
        });
        errors = Collections.unmodifiableMap(copy);
        long failed = copy.values().stream().mapToLong(Long::longValue).sum();
        if (ok < 0 || ok + failed != total) {
            throw new IllegalArgumentException("outcomes do not add up: total " + total + ", ok " + ok + ", failed " + failed);
        }
    }

    public long failed() {
        return total - ok;
    }

    /** The share of requests that succeeded, between 0 and 1; NaN when there were none. */
    public double okShare() {
        return total == 0 ? Double.NaN : (double) ok / total;
    }

    public Outcomes plus(Outcomes other) {
        EnumMap<ErrorKind, Long> sum = new EnumMap<>(ErrorKind.class);
        sum.putAll(errors);
        other.errors.forEach((k, v) -> sum.merge(k, v, Long::sum));
        return new Outcomes(total + other.total, ok + other.ok, sum);
    }
}
