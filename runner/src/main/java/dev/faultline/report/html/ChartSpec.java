package dev.faultline.report.html;

import java.util.List;
import java.util.Objects;

/**
 * One chart as the page's script draws it with uPlot: {@code data[0]} are the x values, {@code data[i]} the values of
 * {@code series[i-1]} (null where it has none). {@code bands} are x ranges shaded and labelled (fault windows);
 * {@code yStates}, when not empty, names the y values 0, 1, 2... (a state chart, drawn as steps).
 */
record ChartSpec(String id, String title, String xLabel, boolean xPercentile, String yLabel, boolean yLog,
                 List<String> series, List<List<Double>> data, List<Band> bands, List<String> yStates) {

    ChartSpec {
        Objects.requireNonNull(id, "id");
        series = List.copyOf(series);
        data = List.copyOf(data);
        bands = List.copyOf(bands);
        yStates = List.copyOf(yStates);
        if (data.size() != series.size() + 1) {
            throw new IllegalArgumentException("data needs the x values and one list per series: " + data.size()
                    + " lists for " + series.size() + " series");
        }
    }

    /** A time chart over the run (x in seconds since time zero) with the faults' windows shaded. */
    static ChartSpec overTime(String id, String title, String yLabel, Aligned aligned, List<Band> bands) {
        return new ChartSpec(id, title, "seconds since the load started", false, yLabel, false, aligned.names(),
                aligned.data(), bands, List.of());
    }

    /** A shaded x range with a label. */
    record Band(double from, double to, String label) {
    }
}
