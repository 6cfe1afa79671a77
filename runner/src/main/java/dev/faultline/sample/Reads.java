package dev.faultline.sample;

import java.util.List;

/**
 * The set workload's reads a run kept ({@link ReadLog}): all of them when {@code seen} equals the list's size, else a
 * uniform random sample of the {@code seen} reads.
 */
public record Reads(List<Read> kept, long seen) {
    public static final Reads NONE = new Reads(List.of(), 0);

    /**
     * One read: its key, when it was meant to begin and when it ended (ms since time zero), and the body it returned
     * (a JSON array of the set's elements; {@code null} for a 404, an empty set).
     */
    public record Read(String key, long startMs, long endMs, String body) {
    }

    public Reads {
        kept = List.copyOf(kept);
        if (seen < kept.size()) {
            throw new IllegalArgumentException("seen (" + seen + ") cannot be fewer than the reads kept (" + kept.size() + ")");
        }
    }

    /** Whether every read is in {@link #kept()} (otherwise it is a sample). */
    public boolean complete() {
        return seen == kept.size();
    }
}
