package dev.faultline.observe;

import java.util.List;
import java.util.Objects;

/**
 * The resource use of one target component that runs as its own process, sampled once a second.
 *
 * @param component the component's name ({@code n1}, {@code lb}, ...)
 * @param pid       the id of its process when last sampled (a restart gives it a new one)
 * @param points    the samples, in time order
 */
public record ProcessSeries(String component, long pid, List<Point> points) {

    public ProcessSeries {
        Objects.requireNonNull(component, "component");
        points = points == null ? List.of() : List.copyOf(points);
    }

    /**
     * One sample. {@code cpuPercent}: CPU time (user + system) used since the previous sample per wall-clock time, in
     * percent of one core (a process busy on two cores shows 200). {@code rssBytes}: resident memory ({@code VmRSS}).
     * {@code diskBytes}: the size of every file in the component's folder (its data, description and logs).
     */
    public record Point(long tMs, double cpuPercent, long rssBytes, long diskBytes) {
        public Point {
            if (cpuPercent < 0) {
                throw new IllegalArgumentException("cpuPercent must not be negative, but is " + cpuPercent);
            }
        }
    }
}
