package dev.faultline.sample;

/** A half-open span {@code [startMs, endMs)} of run time, in milliseconds since the run's time zero. */
public record TimeRange(long startMs, long endMs) {
    public TimeRange {
        if (endMs < startMs) {
            throw new IllegalArgumentException("a time range cannot end (" + endMs + ") before it starts (" + startMs + ")");
        }
    }

    public boolean contains(long ms) {
        return ms >= startMs && ms < endMs;
    }

    public long lengthMs() {
        return endMs - startMs;
    }
}
