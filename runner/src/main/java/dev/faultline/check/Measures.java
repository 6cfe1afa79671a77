package dev.faultline.check;

import dev.faultline.sample.Outcomes;
import dev.faultline.sample.RunRecord;
import dev.faultline.sample.TimeRange;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The measures the checks judge, for code that judges them itself (the JUnit extension's assertions): outcomes and
 * latency of a request (null: every request) in a window ({@code all}, {@code steady}, {@code faults},
 * {@code recovery} or a fault's name), resolved from the faults as they really happened, exactly as the checks
 * resolve them.
 */
public final class Measures {
    private final RunRecord record;

    private Measures(RunRecord record) {
        this.record = record;
    }

    public static Measures of(RunRecord record) {
        return new Measures(record);
    }

    /** The time ranges of a window, in ms since the load's start; empty when the window never happened. */
    public List<TimeRange> ranges(String window) {
        return new WindowResolver(record.faults(), record.load().durationMs()).resolve(window).ranges();
    }

    /** How many requests there were in the window, how many succeeded, and the failures by kind. */
    public Outcomes outcomes(String window, String request) {
        return new WindowedSamples(record, window).outcomes(request);
    }

    /** The latency (microseconds, from each request's intended send time) of the requests in the window. */
    public Histogram latency(String window, String request) {
        return new WindowedSamples(record, window).latency(request);
    }
}
