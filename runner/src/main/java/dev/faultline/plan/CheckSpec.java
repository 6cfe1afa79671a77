package dev.faultline.plan;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** One check of the plan; exactly one kind is given and its key is the check's type. */
public record CheckSpec(LatencyCheck latency, AvailabilityCheck availability, ErrorRateCheck errorRate,
        ConvergenceCheck convergence, LostWritesCheck lostWrites, StaleReadsCheck staleReads,
        RateLimitCheck rateLimit, BreakerCheck breaker, FailoverCheck failover) {

    /** The check kinds, by their plan keys. */
    public static final List<String> KINDS = List.of("latency", "availability", "error-rate", "convergence",
            "lost-writes", "stale-reads", "rate-limit", "breaker", "failover");

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

    /** A check of one of the first three kinds. */
    public CheckSpec(LatencyCheck latency, AvailabilityCheck availability, ErrorRateCheck errorRate) {
        this(latency, availability, errorRate, null, null, null, null, null, null);
    }

    public CheckSpec {
        if (given(latency, availability, errorRate, convergence, lostWrites, staleReads, rateLimit, breaker, failover)
                .count() != 1) {
            throw new IllegalArgumentException("a check has exactly one kind: " + String.join(", ", KINDS));
        }
    }

    private static Stream<Kind> given(Kind... kinds) {
        return Stream.of(kinds).filter(Objects::nonNull);
    }

    private Stream<Kind> all() {
        return given(latency, availability, errorRate, convergence, lostWrites, staleReads, rateLimit, breaker, failover);
    }

    /** The one kind this check is. */
    public Kind kind() {
        return all().findFirst().orElseThrow();
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

    /**
     * After the last heal (or the load's end, with no faults), every store node reports the same digest within
     * {@code within}.
     */
    public record ConvergenceCheck(String name, Duration within) implements Kind {
        public ConvergenceCheck {
            if (within == null) {
                throw new IllegalArgumentException("a convergence check needs 'within', e.g. 5s");
            }
        }

        @Override
        public String type() {
            return "convergence";
        }

        @Override
        public String window() {
            return Windows.ALL;
        }
    }

    /** Set workload: at most {@code max} acknowledged elements are missing from a replica of their key, after convergence. */
    public record LostWritesCheck(String name, Long max) implements Kind {
        public LostWritesCheck {
            if (max == null) {
                throw new IllegalArgumentException("a lost-writes check needs 'max', e.g. 0");
            }
            if (max < 0) {
                throw new IllegalArgumentException("max must be at least 0, not " + max);
            }
        }

        @Override
        public String type() {
            return "lost-writes";
        }

        @Override
        public String window() {
            return Windows.ALL;
        }
    }

    /**
     * Set workload: the share of reads (by the time they began) in a window that lacked an element whose add was
     * acknowledged before the read began, at most {@code max}.
     */
    public record StaleReadsCheck(String name, String window, Percentage max) implements Kind {
        public StaleReadsCheck {
            window = window == null ? Windows.ALL : window;
            if (max == null) {
                throw new IllegalArgumentException("a stale-reads check needs 'max', e.g. 0% or 1%");
            }
        }

        @Override
        public String type() {
            return "stale-reads";
        }
    }

    /**
     * Per client (or only {@code client}): the accepted rate lies within {@code tolerance} (a share of the limit) of
     * the smaller of {@code limit} and the rate the client sent, and every request refused was answered 429, none
     * 5xx or timed out.
     */
    public record RateLimitCheck(String name, Rate limit, Percentage tolerance, String client) implements Kind {
        public RateLimitCheck {
            if (limit == null) {
                throw new IllegalArgumentException("a rate-limit check needs 'limit', e.g. 50/s");
            }
            tolerance = tolerance == null ? new Percentage(10) : tolerance;
        }

        @Override
        public String type() {
            return "rate-limit";
        }

        @Override
        public String window() {
            return Windows.ALL;
        }
    }

    /**
     * The breaker of store node {@code backend}: opens within {@code opens-within} of the start of the first fault on
     * that node, answers fast while open (p99 of its 5xx at most {@code fast-fail}) and closes within
     * {@code recovers-within} of that fault's heal.
     */
    public record BreakerCheck(String name, String backend, Duration opensWithin, Duration recoversWithin,
            Duration fastFail) implements Kind {
        public BreakerCheck {
            if (backend == null || backend.isBlank()) {
                throw new IllegalArgumentException("a breaker check needs 'backend', the store node whose breaker it watches, e.g. n1");
            }
            if (opensWithin == null && recoversWithin == null && fastFail == null) {
                throw new IllegalArgumentException("a breaker check needs at least one of opens-within, recovers-within, fast-fail");
            }
        }

        @Override
        public String type() {
            return "breaker";
        }

        @Override
        public String window() {
            return Windows.ALL;
        }
    }

    /**
     * When the primary balancer dies, the longest run of failed requests (from the first failure to the next success)
     * lasts at most {@code max-downtime}.
     */
    public record FailoverCheck(String name, Duration maxDowntime) implements Kind {
        public FailoverCheck {
            if (maxDowntime == null) {
                throw new IllegalArgumentException("a failover check needs 'max-downtime', e.g. 3s");
            }
        }

        @Override
        public String type() {
            return "failover";
        }

        @Override
        public String window() {
            return Windows.ALL;
        }
    }
}
