package dev.faultline.plan;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** One check of the plan; exactly one kind is given and its key is the check's type. */
public record CheckSpec(LatencyCheck latency, AvailabilityCheck availability, ErrorRateCheck errorRate) {

    /** The check kinds, by their plan keys. */
    public static final List<String> KINDS = List.of("latency", "availability", "error-rate");

    /** What every kind of check has: a type (its plan key), an optional name, a window and maybe a request. */
    public interface Kind {
        String type();

        String name();

        String window();

        /** The request name the check looks at; null means every request together. */
        default String request() {
            return null;
        }
    }

    public CheckSpec {
        if (given(latency, availability, errorRate).count() != 1) {
            throw new IllegalArgumentException("a check has exactly one kind: " + String.join(", ", KINDS));
        }
    }

    private static Stream<Kind> given(Kind... kinds) {
        return Stream.of(kinds).filter(Objects::nonNull);
    }

    /** The one kind this check is. */
    public Kind kind() {
        return given(latency, availability, errorRate).findFirst().orElseThrow();
    }

    public String type() {
        return kind().type();
    }

    /**
     * Latency budgets of one request (or of all requests when {@code request} is absent) in a window. At least one of
     * p50, p90, p99, p999, max is given.
     */
    public record LatencyCheck(
            String name, String request, String window,
            Duration p50, Duration p90, Duration p99, Duration p999, Duration max) implements Kind {
        public LatencyCheck {
            window = window == null ? Windows.ALL : window;
            if (p50 == null && p90 == null && p99 == null && p999 == null && max == null) {
                throw new IllegalArgumentException("a latency check needs at least one budget: p50, p90, p99, p999 or max");
            }
        }

        @Override
        public String type() {
            return "latency";
        }
    }

    /** The share of requests (of one request name, or all) that succeeded in a window: at least {@code min}. */
    public record AvailabilityCheck(String name, String request, String window, Percentage min) implements Kind {
        public AvailabilityCheck {
            window = window == null ? Windows.ALL : window;
            if (min == null) {
                throw new IllegalArgumentException("an availability check needs 'min', e.g. 99.5%");
            }
        }

        @Override
        public String type() {
            return "availability";
        }
    }

    /**
     * The share of requests (of one request name, or all) that failed in a window: at most {@code max}. With
     * {@code kinds}, only failures of those kinds count (labels as in results.json: 5xx, 429, timeout, ...).
     */
    public record ErrorRateCheck(String name, String request, String window, Percentage max, List<String> kinds)
            implements Kind {
        /** The error kinds a plan may name: the labels of the load generator's error kinds. */
        public static final List<String> KNOWN_KINDS = List.of("connect-refused", "connect-timeout", "timeout", "reset",
                "4xx", "429", "5xx", "unexpected-status", "dropped", "other");

        public ErrorRateCheck {
            window = window == null ? Windows.ALL : window;
            if (max == null) {
                throw new IllegalArgumentException("an error-rate check needs 'max', e.g. 1%");
            }
            kinds = kinds == null ? List.of() : List.copyOf(kinds);
            for (String kind : kinds) {
                if (!KNOWN_KINDS.contains(kind)) {
                    throw new IllegalArgumentException("unknown error kind '" + kind + "' (known: "
                            + String.join(", ", KNOWN_KINDS) + ")");
                }
            }
        }

        @Override
        public String type() {
            return "error-rate";
        }
    }
}
