package dev.faultline.report;

import dev.faultline.check.RunWindows;
import dev.faultline.check.Window;
import dev.faultline.plan.Windows;
import dev.faultline.sample.RunRecord;
import dev.faultline.sample.TimeRange;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The latency percentile spectrum of every request in every built-in window (all, steady, faults, recovery): the
 * points HdrHistogram's percentile distribution prints, five per halving of the distance to 100%.
 */
final class LatencySpectra {
    private static final int TICKS_PER_HALF_DISTANCE = 5;
    private static final List<String> WINDOWS = List.of(Windows.ALL, Windows.STEADY, Windows.FAULTS, Windows.RECOVERY);

    private LatencySpectra() {
    }

    static List<Results.Spectrum> of(RunRecord record) {
        List<Results.Spectrum> spectra = new ArrayList<>();
        for (String request : record.samples().requestNames()) {
            for (String name : WINDOWS) {
                Window window = RunWindows.resolve(record, name);
                Histogram sum = new Histogram(3);
                for (TimeRange range : window.ranges()) {
                    sum.add(record.samples().latency(request, range));
                }
                if (sum.getTotalCount() > 0) {
                    spectra.add(new Results.Spectrum(request, name, sum.getTotalCount(), points(sum)));
                }
            }
        }
        return spectra;
    }

    static List<Results.SpectrumPoint> points(Histogram histogram) {
        List<Results.SpectrumPoint> points = new ArrayList<>();
        for (HistogramIterationValue v : histogram.percentiles(TICKS_PER_HALF_DISTANCE)) {
            points.add(new Results.SpectrumPoint(v.getPercentileLevelIteratedTo(), v.getValueIteratedTo() / 1000.0));
        }
        return points;
    }
}
