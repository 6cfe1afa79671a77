package dev.faultline.sample;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.AtomicHistogram;
import org.HdrHistogram.WriterReaderPhaser;

/**
 * Records every request's outcome and latency, per request name and per one-second interval of its end time, from
 * any number of threads without locks. Latency is {@code endNanos - intendedNanos} in microseconds.
 *
 * <p>Memory stays bounded: a background flusher closes, once a second, every interval more than two seconds older
 * than the newest one, compresses it and appends it to the {@code .hlog} file (if one was given). A sample that
 * arrives for an already closed interval is merged into it, so which interval a sample lands in depends only on
 * its end time. {@link #finish()} closes everything and returns the queryable {@link Samples}. Acknowledged writes
 * go to a bounded {@link AckLog}; {@link #liveSecond} gives a progress display the last whole second.
 */
public final class SampleRecorder implements AutoCloseable {
    /** Intervals this many seconds older than the newest are closed by the flusher. */
    private static final int KEEP_OPEN_SECONDS = 2;

    private final List<String> requestNames;
    private final Map<String, Integer> indexes = new HashMap<>();
    private final ConcurrentHashMap<Long, OpenInterval> open = new ConcurrentHashMap<>();
    private final WriterReaderPhaser phaser = new WriterReaderPhaser();
    private final TreeMap<Long, ClosedInterval> closed = new TreeMap<>();
    private final IntervalLog log;
    private final AckLog acks = new AckLog(AckLog.DEFAULT_CAPACITY);
    private final FailureLog failures = new FailureLog(FailureLog.DEFAULT_CAPACITY);
    private final ReadLog reads = new ReadLog(ReadLog.DEFAULT_CAPACITY);
    private final LongAdder errorsSoFar = new LongAdder();
    private final LongAdder[] errorsSoFarByKind = java.util.stream.Stream.generate(LongAdder::new)
            .limit(ErrorKind.values().length).toArray(LongAdder[]::new);
    /** Reused for the live view and the .hlog's all-requests line, under their own locks. */
    private final Histogram liveSum = new Histogram(OpenInterval.HIGHEST_MICROS, OpenInterval.DIGITS);
    private final Histogram logSum = new Histogram(OpenInterval.HIGHEST_MICROS, OpenInterval.DIGITS);
    private final Thread flusher;
    private volatile OpenInterval current;
    private volatile long newestSecond = Long.MIN_VALUE;
    private volatile boolean finished;
    private volatile int clients;
    private Samples samples;

    /** A recorder whose {@code .hlog} (if any) starts now. */
    public SampleRecorder(List<String> requestNames, Optional<Path> hlogFile) {
        this(requestNames, hlogFile, Instant.now());
    }

    /** A recorder whose {@code .hlog} (if any) gives {@code runStart} (the run's time zero) as its start time. */
    public SampleRecorder(List<String> requestNames, Optional<Path> hlogFile, Instant runStart) {
        this.requestNames = List.copyOf(requestNames);
        for (int i = 0; i < this.requestNames.size(); i++) {
            if (indexes.put(this.requestNames.get(i), i) != null) {
                throw new IllegalArgumentException("request name '" + this.requestNames.get(i) + "' appears twice");
            }
        }
        this.current = new OpenInterval(Long.MIN_VALUE, 0);
        this.log = hlogFile.map(file -> new IntervalLog(file, runStart)).orElse(null);
        this.flusher = new Thread(this::flushEverySecond, "faultline-sample-flusher");
        flusher.setDaemon(true);
        flusher.start();
    }

    public List<String> requestNames() {
        return requestNames;
    }

    /**
     * Records one request: its name, intended send time and end time (run-relative nanoseconds, see
     * {@link RunClock}) and its error, null when it succeeded. A {@link ErrorKind#DROPPED} arrival counts as an
     * outcome but has no latency. It lands in the second {@code floor(endNanos / 1s)}.
     */
    public void record(String request, long intendedNanos, long endNanos, ErrorKind errorOrNull) {
        record(request, intendedNanos, endNanos, errorOrNull, -1);
    }

    /**
     * Counts per client from now on: the load sends {@code clients} identities, {@code c0} to {@code c<clients-1>},
     * and {@link Samples#clientSeconds()} gives, per second and client, how many requests ended ok, limited (429)
     * or failed. Memory: three counters per client and open second; a closed second keeps only the clients it saw.
     * Call before recording starts.
     */
    public void countClients(int clients) {
        if (clients < 0) {
            throw new IllegalArgumentException("clients: cannot be negative, not " + clients);
        }
        if (newestSecond != Long.MIN_VALUE) {
            throw new IllegalStateException("clients are counted from the first sample on, not after recording started");
        }
        this.clients = clients;
    }

    /**
     * Records one request as {@link #record(String, long, long, ErrorKind)} does, sent by client number
     * {@code client} ({@code c<client>}; negative when unknown) for {@link Samples#clientSeconds()}. A dropped arrival
     * was never sent, so no client saw it: it is not counted per client.
     */
    public void record(String request, long intendedNanos, long endNanos, ErrorKind errorOrNull, int client) {
        Integer index = indexes.get(request);
        if (index == null) {
            throw new IllegalArgumentException("no request named '" + request + "' (known: " + requestNames + ")");
        }
        long second = Math.floorDiv(endNanos, 1_000_000_000L);
        long latencyMicros = (endNanos - intendedNanos) / 1_000L;
        long phase = phaser.writerCriticalSectionEnter();
        try {
            if (finished) {
                throw new IllegalStateException("a sample of '" + request + "' was recorded after the recording finished");
            }
            OpenInterval interval = current;
            if (interval.second != second) {
                interval = open.computeIfAbsent(second, s -> new OpenInterval(s, requestNames.size(), clients));
                if (second >= newestSecond) {
                    newestSecond = second;
                    current = interval;
                }
            }
            interval.record(index, latencyMicros, errorOrNull, client);
        } finally {
            phaser.writerCriticalSectionExit(phase);
        }
        failures.add(Math.floorDiv(endNanos, 1_000_000L), latencyMicros, errorOrNull);
        if (errorOrNull != null) {
            errorsSoFar.increment();
            errorsSoFarByKind[errorOrNull.ordinal()].increment();
        }
    }

    /**
     * Records an acknowledged write: request {@code request}, meant to be sent at {@code intendedNanos}, wrote
     * {@code element} at {@code key} and it succeeded at {@code endNanos} (both run-relative). Kept in a bounded log;
     * see {@link Samples#acknowledgements()}.
     */
    public void acknowledge(String request, String key, String element, long intendedNanos, long endNanos) {
        acks.add(request, key, element, Math.floorDiv(intendedNanos, 1_000_000L), Math.floorDiv(endNanos, 1_000_000L));
    }

    /**
     * Records a read of the set workload: its key, intended send and end time (run-relative nanoseconds) and the body
     * it returned (null for a 404). Kept in a bounded {@link ReadLog}; see {@link #reads()}.
     */
    public void read(String key, long intendedNanos, long endNanos, String body) {
        reads.add(key, Math.floorDiv(intendedNanos, 1_000_000L), Math.floorDiv(endNanos, 1_000_000L), body);
    }

    /** The failures recorded so far (the failover and breaker checks' input). */
    public Failures failures() {
        return failures.snapshot();
    }

    /** The set workload's reads recorded so far (the stale-reads check's input). */
    public Reads reads() {
        return reads.snapshot();
    }

    /**
     * What has been recorded so far for one second (for a live progress line): requests sent that ended in it (dropped
     * arrivals are not among them, but count in errors so far), failures and p99. A second more than two seconds older than the newest is closed and no longer seen here (zeros).
     */
    public LiveSecond liveSecond(long second) {
        OpenInterval interval = open.get(second);
        long total = 0;
        long failed = 0;
        long p99 = 0;
        if (interval != null) {
            synchronized (liveSum) {
                liveSum.reset();
                for (int r = 0; r < requestNames.size(); r++) {
                    long[] counts = interval.counts(r);
                    for (int i = 0; i < counts.length; i++) {
                        if (i != OpenInterval.slot(ErrorKind.DROPPED)) {
                            total += counts[i];
                            failed += i == 0 ? 0 : counts[i];
                        }
                    }
                    AtomicHistogram h = interval.latency(r);
                    if (h != null) {
                        liveSum.add(h);
                    }
                }
                p99 = liveSum.getTotalCount() == 0 ? 0 : liveSum.getValueAtPercentile(99);
            }
        }
        return new LiveSecond(second, total, failed, p99, errorsSoFar.sum());
    }

    /** Failures of one kind since time zero (dropped arrivals under {@link ErrorKind#DROPPED}), for live metrics. */
    public long errorsSoFar(ErrorKind kind) {
        return errorsSoFarByKind[kind.ordinal()].sum();
    }

    /** Closes the intervals more than two seconds older than the newest one (the flusher does this every second). */
    public void flush() {
        long newest = newestSecond;
        if (newest != Long.MIN_VALUE) {
            closeWhere(newest - KEEP_OPEN_SECONDS);
        }
    }

    /** How many intervals are open (full histograms): stays at about three however long the run (tests). */
    int openIntervals() {
        return open.size();
    }

    /** Stops recording, closes every interval, completes the {@code .hlog}, and returns what was recorded. */
    public synchronized Samples finish() {
        if (samples == null) {
            finished = true;
            flusher.interrupt();
            phaser.readerLock();
            try {
                phaser.flipPhase(); // every writer that passed the finished check has now recorded
            } finally {
                phaser.readerUnlock();
            }
            closeWhere(Long.MAX_VALUE);
            if (log != null) {
                log.close();
            }
            synchronized (closed) {
                samples = new RecordedSamples(requestNames, new TreeMap<>(closed), acks.snapshot());
            }
        }
        return samples;
    }

    @Override
    public void close() {
        finish();
    }

    /** Closes every open interval whose second is before {@code limitSecond}. */
    private void closeWhere(long limitSecond) {
        synchronized (closed) {
            List<OpenInterval> closing = new ArrayList<>();
            for (OpenInterval interval : open.values()) {
                if (interval.second < limitSecond) {
                    closing.add(interval);
                }
            }
            if (closing.isEmpty()) {
                return;
            }
            closing.forEach(interval -> open.remove(interval.second, interval));
            if (current.second < limitSecond) {
                current = new OpenInterval(Long.MIN_VALUE, 0);
            }
            phaser.readerLock();
            try {
                phaser.flipPhase(); // waits for every writer that may still hold one of the closing intervals
            } finally {
                phaser.readerUnlock();
            }
            closing.sort((a, b) -> Long.compare(a.second, b.second));
            for (OpenInterval interval : closing) {
                ClosedInterval done = ClosedInterval.of(interval, requestNames.size());
                closed.merge(interval.second, done, ClosedInterval::plus);
                writeLog(interval);
            }
            if (log != null) {
                log.flush();
            }
        }
    }

    /** Writes one untagged line (all requests) and one line per request name tagged with it. */
    private void writeLog(OpenInterval interval) {
        if (log == null) {
            return;
        }
        logSum.reset();
        for (int r = 0; r < requestNames.size(); r++) {
            AtomicHistogram h = interval.latency(r);
            if (h != null && h.getTotalCount() > 0) {
                logSum.add(h);
            }
        }
        if (logSum.getTotalCount() > 0) {
            log.write(interval.second, null, logSum);
        }
        for (int r = 0; r < requestNames.size(); r++) {
            AtomicHistogram h = interval.latency(r);
            if (h != null && h.getTotalCount() > 0) {
                log.write(interval.second, requestNames.get(r), h);
            }
        }
    }

    private void flushEverySecond() {
        while (!finished) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            flush();
        }
    }
}
