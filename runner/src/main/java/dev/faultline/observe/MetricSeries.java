package dev.faultline.observe;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.List;
import java.util.Map;

/**
 * One scraped series of one component: a metric name (as Prometheus shows it), its labels and the values it had,
 * sampled about once a second. In results.json a point is written {@code [tMs, value]}.
 */
public record MetricSeries(String component, String metric, Map<String, String> labels, List<Point> points) {

    /** A value at {@code tMs} ms since the run's time zero. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    public record Point(long tMs, double value) {
    }

    public MetricSeries {
        labels = Map.copyOf(labels);
        points = List.copyOf(points);
    }

    /** Whether every label given is on this series with that value. */
    public boolean has(Map<String, String> wanted) {
        return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }
}
