package dev.faultline.check;

import dev.faultline.fault.FaultRecord;
import dev.faultline.observe.MetricSeries;
import dev.faultline.plan.CheckSpec;
import dev.faultline.sample.ErrorKind;
import dev.faultline.sample.Failures;
import dev.faultline.sample.RunRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * A backend's circuit breaker, from the balancer's scraped {@code balancer_breaker_state} (sampled once a second, so
 * a time is known to within a second, and taken at its latest) and from what the wire showed. The backend fails when
 * the first fault naming it starts (a link to or from it, a partition with it, a process fault on it), and recovers
 * when that fault is healed. Up to three verdicts, one per bound given: {@code opens-within} (fault start to the first
 * scrape showing the breaker open), {@code fast-fail} (p99 latency of the 5xx answers that completed while it was
 * open) and {@code recovers-within} (heal to the first scrape showing it closed again).
 */
final class BreakerCheck implements Check {
    static final String METRIC = "balancer_breaker_state";

    private final CheckSpec.BreakerCheck spec;

    BreakerCheck(CheckSpec.BreakerCheck spec) {
        this.spec = spec;
    }

    @Override
    public List<Verdict> evaluate(RunRecord record) {
        String name = spec.name() != null ? spec.name() : "breaker " + spec.backend();
        FaultRecord fault = faultOn(record.faults());
        List<MetricSeries.Point> open = series(record, "open");
        List<MetricSeries.Point> closed = series(record, "closed");
        String why = fault == null ? "no fault acted on " + spec.backend()
                : open.isEmpty() ? "no breaker state of " + spec.backend() + " was scraped from the balancer" : null;
        String window = fault == null ? "all" : fault.name();
        List<Verdict> verdicts = new ArrayList<>();
        if (why != null) {
            bounds().forEach((label, limit) -> verdicts.add(new Verdict(name + " " + label, "breaker", window, false,
                    null, limit.toMillis(), "ms", label + " of the breaker of " + spec.backend()
                            + ": not enough data (" + why + "), limit " + Numbers.ms(limit.toMillis()))));
            return verdicts;
        }
        Long openedAt = firstAtOrAfter(open, fault.startMs(), Long.MAX_VALUE);
        long heal = fault.endMs() == null ? record.load().durationMs() : fault.endMs();
        Long closedAt = openedAt == null ? null : firstAtOrAfter(closed, Math.max(heal, openedAt), Long.MAX_VALUE);
        if (spec.opensWithin() != null) {
            verdicts.add(timeTo(name, window, "opens-within", spec.opensWithin(), openedAt, fault.startMs(),
                    "opened", "after its fault '" + fault.name() + "' began"));
        }
        if (spec.fastFail() != null) {
            verdicts.add(fastFail(name, window, record.failures(), openedAt,
                    closedAt == null ? Long.MAX_VALUE : closedAt));
        }
        if (spec.recoversWithin() != null) {
            verdicts.add(timeTo(name, window, "recovers-within", spec.recoversWithin(), closedAt, heal,
                    "closed", "after its fault '" + fault.name() + "' was healed"));
        }
        return verdicts;
    }

    private Verdict timeTo(String name, String window, String label, Duration limit, Long at, long fromMs,
            String became, String after) {
        double limitMs = limit.toMillis();
        String what = "the breaker of " + spec.backend();
        if (at == null) {
            return new Verdict(name + " " + label, "breaker", window, false, null, limitMs, "ms",
                    what + " never " + became + " " + after + " (scraped once a second), limit " + Numbers.ms(limitMs));
        }
        double observed = at - fromMs;
        boolean passed = observed <= limitMs;
        return new Verdict(name + " " + label, "breaker", window, passed, observed, limitMs, "ms",
                what + " was seen " + became + " " + Numbers.ms(observed) + " " + after + ", limit "
                        + Numbers.ms(limitMs) + (passed ? "" : " (over by " + Numbers.ms(observed - limitMs) + ")"));
    }

    private Verdict fastFail(String name, String window, Failures failures, Long openedAt, long closedAt) {
        double limitMs = spec.fastFail().toNanos() / 1e6;
        String label = "fast-fail";
        Histogram latency = new Histogram(3);
        if (openedAt != null) {
            for (Failures.Failure f : failures.failures()) {
                if (f.kind() == ErrorKind.STATUS_5XX && f.endMs() >= openedAt && f.endMs() < closedAt) {
                    latency.recordValue(Math.max(0, f.latencyMicros()));
                }
            }
        }
        String what = "p99 latency of the 5xx answers while the breaker of " + spec.backend() + " was open";
        if (latency.getTotalCount() == 0) {
            return new Verdict(name + " " + label, "breaker", window, false, null, limitMs, "ms",
                    what + ": not enough data (" + (openedAt == null ? "it never opened" : "no 5xx answer then")
                            + "), limit " + Numbers.ms(limitMs));
        }
        long micros = latency.getValueAtPercentile(99);
        double observed = micros / 1000.0;
        boolean passed = latency.lowestEquivalentValue(micros) <= spec.fastFail().toNanos() / 1000;
        return new Verdict(name + " " + label, "breaker", window, passed, observed, limitMs, "ms",
                what + " was " + Numbers.ms(observed) + " (" + latency.getTotalCount() + " answers), limit "
                        + Numbers.ms(limitMs) + (passed ? "" : " (over by " + Numbers.ms(observed - limitMs) + ")"));
    }

    private Map<String, Duration> bounds() {
        Map<String, Duration> bounds = new java.util.LinkedHashMap<>();
        if (spec.opensWithin() != null) {
            bounds.put("opens-within", spec.opensWithin());
        }
        if (spec.fastFail() != null) {
            bounds.put("fast-fail", spec.fastFail());
        }
        if (spec.recoversWithin() != null) {
            bounds.put("recovers-within", spec.recoversWithin());
        }
        return bounds;
    }

    /** The first fault that names the backend as a whole word in what it acts on. */
    private FaultRecord faultOn(List<FaultRecord> faults) {
        Pattern named = Pattern.compile("(?<![A-Za-z0-9_-])" + Pattern.quote(spec.backend()) + "(?![A-Za-z0-9_])");
        return faults.stream().filter(f -> f.target() != null && named.matcher(f.target()).find())
                .min(Comparator.comparingLong(FaultRecord::startMs)).orElse(null);
    }

    /** The points of the balancer's breaker-state series for this backend and {@code state}, in time order. */
    private List<MetricSeries.Point> series(RunRecord record, String state) {
        return record.observations().metrics().stream()
                .filter(s -> s.metric().equals(METRIC) && s.has(Map.of("backend", spec.backend(), "state", state)))
                .flatMap(s -> s.points().stream())
                .sorted(Comparator.comparingLong(MetricSeries.Point::tMs))
                .toList();
    }

    /** The time of the first point at or after {@code fromMs} (and before {@code toMs}) whose value is 1; or null. */
    private static Long firstAtOrAfter(List<MetricSeries.Point> points, long fromMs, long toMs) {
        return points.stream().filter(p -> p.tMs() >= fromMs && p.tMs() < toMs && p.value() >= 1)
                .map(MetricSeries.Point::tMs).findFirst().orElse(null);
    }
}
