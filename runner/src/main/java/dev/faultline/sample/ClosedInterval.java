package dev.faultline.sample;

import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;

/**
 * One finished second, kept compactly: per request name its latency histogram as compressed bytes (null when empty)
 * and its outcome counts. Immutable; {@link #plus} makes the merge of a late part of the same second.
 */
final class ClosedInterval {
    final long second;
    private final byte[][] latency;
    private final long[][] counts;
    /** Per client that had any request end in this second: its number, then ok, limited, failed. */
    private final int[] clientCounts;

    private ClosedInterval(long second, byte[][] latency, long[][] counts, int[] clientCounts) {
        this.second = second;
        this.latency = latency;
        this.counts = counts;
        this.clientCounts = clientCounts;
    }

    static ClosedInterval of(OpenInterval open, int requests) {
        byte[][] latency = new byte[requests][];
        long[][] counts = new long[requests][];
        for (int r = 0; r < requests; r++) {
            latency[r] = compress(open.latency(r));
            counts[r] = open.counts(r);
        }
        int[] clients = new int[open.clients() * (1 + OpenInterval.CLIENT_SLOTS)];
        int n = 0;
        for (int c = 0; c < open.clients(); c++) {
            int[] counted = open.clientCounts(c);
            if (counted[0] + counted[1] + counted[2] > 0) { // only the clients seen: memory follows what happened
                clients[n++] = c;
                System.arraycopy(counted, 0, clients, n, OpenInterval.CLIENT_SLOTS);
                n += OpenInterval.CLIENT_SLOTS;
            }
        }
        return new ClosedInterval(open.second, latency, counts, java.util.Arrays.copyOf(clients, n));
    }

    /** This second with another part of the same second added. */
    ClosedInterval plus(ClosedInterval other) {
        byte[][] latency = new byte[this.latency.length][];
        long[][] counts = new long[this.counts.length][];
        for (int r = 0; r < latency.length; r++) {
            Histogram sum = latency(r);
            Histogram more = other.latency(r);
            if (sum == null) {
                sum = more;
            } else if (more != null) {
                sum.add(more);
            }
            latency[r] = compress(sum);
            counts[r] = new long[OpenInterval.SLOTS];
            for (int i = 0; i < OpenInterval.SLOTS; i++) {
                counts[r][i] = this.counts[r][i] + other.counts[r][i];
            }
        }
        return new ClosedInterval(second, latency, counts, plusClients(clientCounts, other.clientCounts));
    }

    /** Per client seen in this second (in client order): client number, ok, limited, failed. */
    int[][] clients() {
        int stride = 1 + OpenInterval.CLIENT_SLOTS;
        int[][] out = new int[clientCounts.length / stride][];
        for (int i = 0; i < out.length; i++) {
            out[i] = java.util.Arrays.copyOfRange(clientCounts, i * stride, i * stride + stride);
        }
        return out;
    }

    private static int[] plusClients(int[] a, int[] b) {
        int stride = 1 + OpenInterval.CLIENT_SLOTS;
        java.util.TreeMap<Integer, int[]> sum = new java.util.TreeMap<>();
        for (int[] side : new int[][] {a, b}) {
            for (int i = 0; i < side.length; i += stride) {
                int[] counted = sum.computeIfAbsent(side[i], c -> new int[OpenInterval.CLIENT_SLOTS]);
                for (int k = 0; k < OpenInterval.CLIENT_SLOTS; k++) {
                    counted[k] += side[i + 1 + k];
                }
            }
        }
        int[] out = new int[sum.size() * stride];
        int n = 0;
        for (var e : sum.entrySet()) {
            out[n++] = e.getKey();
            System.arraycopy(e.getValue(), 0, out, n, OpenInterval.CLIENT_SLOTS);
            n += OpenInterval.CLIENT_SLOTS;
        }
        return out;
    }

    /** A new histogram of one request's latencies in this second, or null when there were none. */
    Histogram latency(int request) {
        byte[] bytes = latency[request];
        if (bytes == null) {
            return null;
        }
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), OpenInterval.HIGHEST_MICROS);
        } catch (DataFormatException e) {
            throw new IllegalStateException("a histogram this recorder compressed could not be decoded", e);
        }
    }

    Outcomes outcomes(int request) {
        long[] c = counts[request];
        Map<ErrorKind, Long> errors = new EnumMap<>(ErrorKind.class);
        long total = c[0];
        for (ErrorKind kind : ErrorKind.values()) {
            long n = c[OpenInterval.slot(kind)];
            total += n;
            errors.put(kind, n);
        }
        return new Outcomes(total, c[0], errors);
    }

    long startMs() {
        return second * 1000;
    }

    /** Whether this second belongs to a range: when its midpoint lies in it. */
    boolean isIn(TimeRange range) {
        return range.contains(startMs() + 500);
    }

    private static byte[] compress(AbstractHistogram h) {
        if (h == null || h.getTotalCount() == 0) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(buffer, java.util.zip.Deflater.BEST_SPEED);
        byte[] out = new byte[length];
        buffer.flip();
        buffer.get(out);
        return out;
    }
}
