package dev.faultline.check;

import dev.faultline.fault.FaultRecord;
import dev.faultline.plan.Windows;
import dev.faultline.sample.TimeRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a window's name into time ranges from the faults as they really happened: {@code all} is the whole load,
 * {@code steady} lies before the first fault, {@code faults} while any fault is active, {@code recovery} after the last
 * heal, and a fault's name is the span it was active. A fault still active at the end is taken to end with the load.
 */
final class WindowResolver {
    private final List<FaultRecord> faults;
    private final long endMs;

    WindowResolver(List<FaultRecord> faults, long loadEndMs) {
        this.faults = faults;
        this.endMs = loadEndMs;
    }

    Window resolve(String name) {
        return new Window(name, ranges(name));
    }

    private List<TimeRange> ranges(String name) {
        switch (name) {
            case Windows.ALL:
                return List.of(new TimeRange(0, endMs));
            case Windows.STEADY:
                long firstStart = faults.stream().mapToLong(FaultRecord::startMs).min().orElse(endMs);
                return List.of(new TimeRange(0, clamp(firstStart)));
            case Windows.FAULTS:
                return union(faults.stream().map(this::span).toList());
            case Windows.RECOVERY:
                if (faults.isEmpty()) {
                    return List.of();
                }
                long lastHeal = faults.stream().mapToLong(this::end).max().orElse(endMs);
                return List.of(new TimeRange(clamp(lastHeal), endMs));
            default:
                return faults.stream().filter(f -> f.name().equals(name)).map(this::span).toList();
        }
    }

    private TimeRange span(FaultRecord fault) {
        return new TimeRange(clamp(fault.startMs()), clamp(end(fault)));
    }

    private long end(FaultRecord fault) {
        return fault.endMs() == null ? endMs : fault.endMs();
    }

    private long clamp(long ms) {
        return Math.max(0, Math.min(ms, endMs));
    }

    static List<TimeRange> union(List<TimeRange> ranges) {
        List<TimeRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingLong(TimeRange::startMs));
        List<TimeRange> merged = new ArrayList<>();
        for (TimeRange r : sorted) {
            TimeRange last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r.startMs() <= last.endMs()) {
                merged.set(merged.size() - 1, new TimeRange(last.startMs(), Math.max(last.endMs(), r.endMs())));
            } else {
                merged.add(r);
            }
        }
        return merged;
    }
}
