package dev.faultline.check;

import dev.faultline.sample.TimeRange;
import java.util.List;

/** A named window of the run: the time ranges it covers, disjoint and in order (empty when it never happened). */
public record Window(String name, List<TimeRange> ranges) {
    public Window {
        ranges = List.copyOf(ranges);
    }

    public boolean isEmpty() {
        return ranges.stream().allMatch(r -> r.lengthMs() == 0);
    }
}
