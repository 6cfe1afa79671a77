package dev.faultline.plan;

import java.time.Duration;

/** One check of the plan; exactly one kind is given and its key is the check's type. */
public record CheckSpec(LatencyCheck latency, AvailabilityCheck availability) {

    public CheckSpec {
        int kinds = (latency == null ? 0 : 1) + (availability == null ? 0 : 1);
        if (kinds != 1) {
            throw new IllegalArgumentException("a check has exactly one kind: latency or availability");
        }
    }

    public String type() {
        return latency != null ? "latency" : "availability";
    }

    /**
     * Latency budgets of one request (or of all requests when {@code request} is absent) in a window. At least one of
     * p50, p90, p99, p999, max is given.
     */
    public record LatencyCheck(
            String name, String request, String window,
            Duration p50, Duration p90, Duration p99, Duration p999, Duration max) {
        public LatencyCheck {
            window = window == null ? Windows.ALL : window;
            if (p50 == null && p90 == null && p99 == null && p999 == null && max == null) {
                throw new IllegalArgumentException("a latency check needs at least one budget: p50, p90, p99, p999 or max");
            }
        }
    }

    /** The share of requests (of one request name, or all) that succeeded in a window: at least {@code min}. */
    public record AvailabilityCheck(String name, String request, String window, Percentage min) {
        public AvailabilityCheck {
            window = window == null ? Windows.ALL : window;
            if (min == null) {
                throw new IllegalArgumentException("an availability check needs 'min', e.g. 99.5%");
            }
        }
    }
}
