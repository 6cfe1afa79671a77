package dev.faultline.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The reads of the set workload as they complete, for the stale-reads check: each read's key, when it was meant to
 * begin, and the body it returned (a JSON array of elements; parsed when the check needs it, off the hot path).
 * Bounded: past {@code capacity} reads it keeps a uniform random sample of all of them (reservoir sampling, fixed
 * seed), and counts every read it saw, so a check knows its share is estimated from a sample.
 */
public final class ReadLog {
    /** Reads kept by default: a set read's body grows with its key's set, so this stays at tens of megabytes. */
    public static final int DEFAULT_CAPACITY = 20_000;

    private final int capacity;
    private final List<Reads.Read> kept = new ArrayList<>();
    private final SplittableRandom random = new SplittableRandom(0x5eed);
    private long seen;

    public ReadLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
    }

    /** A read of {@code key}, meant to begin {@code startMs} into the run, ended {@code endMs}, returned {@code body}. */
    public synchronized void add(String key, long startMs, long endMs, String body) {
        seen++;
        Reads.Read read = new Reads.Read(key, startMs, endMs, body);
        if (kept.size() < capacity) {
            kept.add(read);
        } else {
            long slot = random.nextLong(seen);
            if (slot < capacity) {
                kept.set((int) slot, read);
            }
        }
    }

    public synchronized Reads snapshot() {
        return new Reads(kept, seen);
    }
}
