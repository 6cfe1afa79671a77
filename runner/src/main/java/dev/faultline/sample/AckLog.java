package dev.faultline.sample;

import java.util.ArrayList;
import java.util.List;

/**
 * The acknowledged writes of a run as they happen (e.g. each element a set workload's {@code add} got a 2xx for),
 * from any number of threads. Bounded: past {@code capacity} entries, further acknowledgements are only counted, so
 * a check can tell that its list is incomplete. {@link #snapshot()} gives the immutable {@link Acknowledgements}.
 */
public final class AckLog {
    /** Entries kept by default: about 60 MB at worst, a 10-minute set workload at 800 adds per second. */
    public static final int DEFAULT_CAPACITY = 500_000;

    private final int capacity;
    private final List<Acknowledgements.Ack> entries = new ArrayList<>();
    private long overflowed;

    public AckLog(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be at least 0, not " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Records that {@code request} wrote {@code element} at {@code key}, meant to be sent {@code sentAtMs} and
     * acknowledged {@code atMs} into the run.
     */
    public synchronized void add(String request, String key, String element, long sentAtMs, long atMs) {
        if (entries.size() < capacity) {
            entries.add(new Acknowledgements.Ack(request, key, element, sentAtMs, atMs));
        } else {
            overflowed++;
        }
    }

    /** Everything recorded so far. */
    public synchronized Acknowledgements snapshot() {
        return new Acknowledgements(entries, overflowed);
    }
}
