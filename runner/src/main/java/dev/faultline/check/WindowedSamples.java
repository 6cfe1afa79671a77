package dev.faultline.check;

import dev.faultline.sample.Outcomes;
import dev.faultline.sample.RunRecord;
import dev.faultline.sample.Samples;
import dev.faultline.sample.TimeRange;
import org.HdrHistogram.Histogram;

/** The samples of one window: latency and outcomes summed over the window's ranges. */
final class WindowedSamples {
    private final Samples samples;
    private final Window window;

    WindowedSamples(RunRecord record, String windowName) {
        this.samples = record.samples();
        this.window = new WindowResolver(record.faults(), record.load().durationMs()).resolve(windowName);
    }

    Histogram latency(String request) {
        Histogram sum = new Histogram(3);
        for (TimeRange range : window.ranges()) {
            sum.add(samples.latency(request, range));
        }
        return sum;
    }

    Outcomes outcomes(String request) {
        Outcomes sum = Outcomes.NONE;
        for (TimeRange range : window.ranges()) {
            sum = sum.plus(samples.outcomes(request, range));
        }
        return sum;
    }

    static String describe(String request) {
        return request == null ? "all requests" : "'" + request + "'";
    }
}
