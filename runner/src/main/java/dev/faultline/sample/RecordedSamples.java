package dev.faultline.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import org.HdrHistogram.Histogram;

/** The {@link Samples} of a finished recording: closed one-second intervals, decoded when queried. */
final class RecordedSamples implements Samples {
    private final List<String> requestNames;
    private final NavigableMap<Long, ClosedInterval> seconds;
    private final Acknowledgements acknowledgements;

    RecordedSamples(List<String> requestNames, NavigableMap<Long, ClosedInterval> seconds,
            Acknowledgements acknowledgements) {
        this.requestNames = List.copyOf(requestNames);
        this.seconds = seconds;
        this.acknowledgements = acknowledgements;
    }

    @Override
    public Acknowledgements acknowledgements() {
        return acknowledgements;
    }

    @Override
    public List<String> requestNames() {
        return requestNames;
    }

    @Override
    public Histogram latency(String request, TimeRange range) {
        Histogram out = new Histogram(OpenInterval.HIGHEST_MICROS, OpenInterval.DIGITS);
        for (ClosedInterval interval : inRange(range)) {
            for (int r : indexes(request)) {
                Histogram h = interval.latency(r);
                if (h != null) {
                    out.add(h);
                }
            }
        }
        return out;
    }

    @Override
    public Outcomes outcomes(String request, TimeRange range) {
        Outcomes out = Outcomes.NONE;
        for (ClosedInterval interval : inRange(range)) {
            for (int r : indexes(request)) {
                out = out.plus(interval.outcomes(r));
            }
        }
        return out;
    }

    /**
     * Every second from time zero (or the first recorded second, if earlier) to the last recorded one, for every
     * request name; a second without measurements has zero outcomes and percentiles of 0.
     */
    @Override
    public List<SecondStats> seconds() {
        List<SecondStats> out = new ArrayList<>();
        if (seconds.isEmpty()) {
            return out;
        }
        for (long s = Math.min(0, seconds.firstKey()); s <= seconds.lastKey(); s++) {
            ClosedInterval interval = seconds.get(s);
            for (int r = 0; r < requestNames.size(); r++) {
                Outcomes outcomes = interval == null ? Outcomes.NONE : interval.outcomes(r);
                Histogram h = interval == null ? null : interval.latency(r);
                out.add(new SecondStats(requestNames.get(r), s * 1000, s * 1000 + 1000, outcomes,
                        millis(h, 50), millis(h, 90), millis(h, 99), h == null ? 0 : h.getMaxValue() / 1000.0));
            }
        }
        return out;
    }

    /** Per second (in order) and client seen in it (in client number order): that client's outcomes. */
    @Override
    public List<ClientSecond> clientSeconds() {
        List<ClientSecond> out = new ArrayList<>();
        for (ClosedInterval interval : seconds.values()) {
            for (int[] c : interval.clients()) {
                out.add(new ClientSecond("c" + c[0], interval.startMs(), c[1], c[2], c[3]));
            }
        }
        return out;
    }

    private static double millis(Histogram h, double percentile) {
        return h == null ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
    }

    private Iterable<ClosedInterval> inRange(TimeRange range) {
        // candidates: seconds whose midpoint can lie in [start, end)
        long from = Math.floorDiv(range.startMs() - 500, 1000) - 1;
        long to = Math.floorDiv(range.endMs() - 500, 1000) + 1;
        List<ClosedInterval> out = new ArrayList<>();
        for (ClosedInterval interval : seconds.subMap(from, true, to, true).values()) {
            if (interval.isIn(range)) {
                out.add(interval);
            }
        }
        return out;
    }

    private int[] indexes(String request) {
        if (request == null) {
            int[] all = new int[requestNames.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        int i = requestNames.indexOf(request);
        if (i < 0) {
            throw new IllegalArgumentException("no request named '" + request + "' (known: " + requestNames + ")");
        }
        return new int[] {i};
    }
}
