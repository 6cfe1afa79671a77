package dev.faultline.check;

import dev.faultline.plan.CheckSpec;
import dev.faultline.sample.ClientSecond;
import dev.faultline.sample.RunRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rate limiting, per client (or only the client named): over the run's whole seconds (the first and last second of
 * the load, which are partly empty, left out; a second in which a client sent nothing counts for it as zero), the client's accepted rate lies within {@code tolerance} (a share of
 * the limit) of what the limiter should accept, the smaller of the limit and the rate the client sent; and every
 * request refused was refused with 429: none failed in any other way (5xx, timeout, reset, ...). Two verdicts: the
 * accepted rate of the client furthest off, and the number of other failures. Not enough data without whole seconds
 * of the client(s).
 */
final class RateLimitCheck implements Check {
    private static final int MAX_DETAILS = 20;

    private final CheckSpec.RateLimitCheck spec;

    RateLimitCheck(CheckSpec.RateLimitCheck spec) {
        this.spec = spec;
    }

    private record ClientTotals(long seconds, long ok, long limited, long failed) {
        double sentRate() {
            return (double) (ok + limited + failed) / seconds;
        }

        double acceptedRate() {
            return (double) ok / seconds;
        }
    }

    @Override
    public List<Verdict> evaluate(RunRecord record) {
        String name = spec.name() != null ? spec.name() : "rate-limit" + (spec.client() == null ? "" : " " + spec.client());
        double limit = spec.limit().perSecond();
        double tolerance = limit * spec.tolerance().fraction();
        String who = spec.client() == null ? "every client" : "client '" + spec.client() + "'";
        Map<String, ClientTotals> clients = totals(record.samples().clientSeconds());
        if (clients.isEmpty()) {
            String why = "no whole second of " + who + " was recorded";
            return List.of(
                    new Verdict(name + " accepted", "rate-limit", "all", false, null, limit, "/s",
                            "accepted rate of " + who + ": not enough data (" + why + "), limit "
                                    + rate(limit) + " ± " + rate(tolerance)),
                    new Verdict(name + " refusals", "rate-limit", "all", false, null, 0, "requests",
                            "refusals other than 429 of " + who + ": not enough data (" + why + ")"));
        }
        String worst = null;
        double worstOff = -1;
        long otherFailures = 0;
        List<String> offDetails = new ArrayList<>();
        List<String> failedDetails = new ArrayList<>();
        for (Map.Entry<String, ClientTotals> e : clients.entrySet()) {
            ClientTotals t = e.getValue();
            double expected = Math.min(limit, t.sentRate());
            double off = Math.abs(t.acceptedRate() - expected);
            if (off > worstOff) {
                worstOff = off;
                worst = e.getKey();
            }
            if (off > tolerance && offDetails.size() < MAX_DETAILS) {
                offDetails.add(String.format(Locale.ROOT, "%s: sent %s, accepted %s, expected %s ± %s", e.getKey(),
                        rate(t.sentRate()), rate(t.acceptedRate()), rate(expected), rate(tolerance)));
            }
            otherFailures += t.failed();
            if (t.failed() > 0 && failedDetails.size() < MAX_DETAILS) {
                failedDetails.add(e.getKey() + ": " + t.failed() + " failed other than 429 (" + t.limited()
                        + " answered 429)");
            }
        }
        ClientTotals w = clients.get(worst);
        double expected = Math.min(limit, w.sentRate());
        boolean acceptedOk = worstOff <= tolerance;
        String accepted = String.format(Locale.ROOT,
                "accepted rate of %s (%d client%s over %d whole seconds): furthest off was %s, who sent %s and had %s"
                        + " accepted, %s from the expected %s (limit %s, tolerance ± %s)",
                who, clients.size(), clients.size() == 1 ? "" : "s", w.seconds(), worst, rate(w.sentRate()),
                rate(w.acceptedRate()), rate(worstOff), rate(expected), rate(limit), rate(tolerance));
        String refusals = "requests of " + who + " that failed other than with 429: " + otherFailures
                + (otherFailures == 0 ? "" : " (" + failedDetails.get(0) + ")") + ", max 0";
        return List.of(
                new Verdict(name + " accepted", "rate-limit", "all", acceptedOk, w.acceptedRate(), limit, "/s",
                        accepted, offDetails),
                new Verdict(name + " refusals", "rate-limit", "all", otherFailures == 0, (double) otherFailures, 0,
                        "requests", refusals, failedDetails));
    }

    /** Per client (only the one named, if any), the sums over the whole seconds of the run. */
    private Map<String, ClientTotals> totals(List<ClientSecond> seconds) {
        long first = seconds.stream().mapToLong(ClientSecond::startMs).min().orElse(0);
        long last = seconds.stream().mapToLong(ClientSecond::startMs).max().orElse(0);
        long wholeSeconds = seconds.stream().mapToLong(ClientSecond::startMs).filter(t -> t != first && t != last)
                .distinct().count();
        Map<String, long[]> sums = new TreeMap<>();
        for (ClientSecond s : seconds) {
            if (s.startMs() == first || s.startMs() == last) {
                continue;
            }
            if (spec.client() != null && !spec.client().equals(s.client())) {
                continue;
            }
            long[] sum = sums.computeIfAbsent(s.client(), c -> new long[4]);
            sum[1] += s.ok();
            sum[2] += s.limited();
            sum[3] += s.failed();
        }
        Map<String, ClientTotals> totals = new TreeMap<>();
        sums.forEach((client, s) -> totals.put(client, new ClientTotals(wholeSeconds, s[1], s[2], s[3])));
        return totals;
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, perSecond >= 100 ? "%.0f/s" : "%.1f/s", perSecond);
    }
}
