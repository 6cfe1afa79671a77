package dev.faultline.sample;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.HdrHistogram.AtomicHistogram;

/**
 * One second of the run that is still being recorded into: per request name a lock-free histogram (created on first
 * use) and counts of ok and of each error kind; per client identity the counts ok / limited (429) / failed. Safe for
 * any number of recording threads.
 */
final class OpenInterval {
    /** The highest latency a histogram tracks: one hour, in microseconds. Longer values are clamped to it. */
    static final long HIGHEST_MICROS = 3_600_000_000L;
    static final int DIGITS = 3;
    /** Slots per request in {@link #counts}: ok, then one per error kind. */
    static final int SLOTS = 1 + ErrorKind.values().length;

    final long second;
    private final AtomicReferenceArray<AtomicHistogram> latency;
    private final AtomicLongArray counts;
    /** Per client: ok, limited (429), failed (any other error); {@link #CLIENT_SLOTS} ints each. */
    private final AtomicIntegerArray clientCounts;
    static final int CLIENT_SLOTS = 3;

    OpenInterval(long second, int requests) {
        this(second, requests, 0);
    }

    OpenInterval(long second, int requests, int clients) {
        this.second = second;
        this.latency = new AtomicReferenceArray<>(requests);
        this.counts = new AtomicLongArray(requests * SLOTS);
        this.clientCounts = new AtomicIntegerArray(clients * CLIENT_SLOTS);
    }

    /** Records one outcome; {@code client} is the sending client's number, or negative when none is known. */
    void record(int request, long latencyMicros, ErrorKind errorOrNull, int client) {
        counts.incrementAndGet(request * SLOTS + slot(errorOrNull));
        if (errorOrNull == ErrorKind.DROPPED) {
            return;
        }
        if (client >= 0 && client * CLIENT_SLOTS < clientCounts.length()) {
            clientCounts.incrementAndGet(client * CLIENT_SLOTS + clientSlot(errorOrNull));
        }
        AtomicHistogram h = latency.get(request);
        if (h == null) {
            latency.compareAndSet(request, null, new AtomicHistogram(HIGHEST_MICROS, DIGITS));
            h = latency.get(request);
        }
        h.recordValue(Math.max(0, Math.min(latencyMicros, HIGHEST_MICROS)));
    }

    /** The latency histogram of one request, or null when it recorded none. Read only after recording has ended. */
    AtomicHistogram latency(int request) {
        return latency.get(request);
    }

    /** The counts of one request (ok, then each error kind). Read only after recording has ended. */
    long[] counts(int request) {
        long[] out = new long[SLOTS];
        for (int i = 0; i < SLOTS; i++) {
            out[i] = counts.get(request * SLOTS + i);
        }
        return out;
    }

    /** How many clients this interval counts. */
    int clients() {
        return clientCounts.length() / CLIENT_SLOTS;
    }

    /** The counts of one client: ok, limited, failed. Read only after recording has ended. */
    int[] clientCounts(int client) {
        int[] out = new int[CLIENT_SLOTS];
        for (int i = 0; i < CLIENT_SLOTS; i++) {
            out[i] = clientCounts.get(client * CLIENT_SLOTS + i);
        }
        return out;
    }

    static int clientSlot(ErrorKind errorOrNull) {
        return errorOrNull == null ? 0 : errorOrNull == ErrorKind.STATUS_429 ? 1 : 2;
    }

    static int slot(ErrorKind errorOrNull) {
        return errorOrNull == null ? 0 : 1 + errorOrNull.ordinal();
    }
}
