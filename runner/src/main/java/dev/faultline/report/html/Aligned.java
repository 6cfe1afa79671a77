package dev.faultline.report.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Points of several named series lined up on one sorted set of x values, as uPlot wants them (null: no point). */
final class Aligned {
    private final Map<String, Map<Double, Double>> series = new LinkedHashMap<>();
    private final TreeMap<Double, Boolean> xs = new TreeMap<>();

    /** Adds a point; a second point at the same x of the same series is added to the first. */
    Aligned add(String name, double x, double y) {
        series.computeIfAbsent(name, n -> new TreeMap<>()).merge(x, y, Double::sum);
        xs.put(x, Boolean.TRUE);
        return this;
    }

    /** Declares a series that may have no point (so its line and legend entry exist). */
    Aligned declare(String name) {
        series.computeIfAbsent(name, n -> new TreeMap<>());
        return this;
    }

    boolean isEmpty() {
        return xs.isEmpty();
    }

    List<String> names() {
        return List.copyOf(series.keySet());
    }

    List<List<Double>> data() {
        List<List<Double>> data = new ArrayList<>();
        data.add(new ArrayList<>(xs.keySet()));
        for (Map<Double, Double> points : series.values()) {
            List<Double> ys = new ArrayList<>();
            for (Double x : xs.keySet()) {
                ys.add(points.get(x));
            }
            data.add(ys);
        }
        return data;
    }
}
