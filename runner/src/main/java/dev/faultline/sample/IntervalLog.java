package dev.faultline.sample;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * An HdrHistogram interval log ({@code .hlog}): per second, one untagged line of all requests and one line per
 * request name tagged with it, timestamps relative to the run's start. HdrHistogram's HistogramLogReader and
 * HistogramLogProcessor read it ({@code -tag NAME} selects one request name).
 */
final class IntervalLog implements AutoCloseable {
    /** Latencies are recorded in microseconds; the log's max column is in milliseconds. */
    private static final double MICROS_PER_MS = 1000.0;

    private final PrintStream out;
    private final HistogramLogWriter writer;

    IntervalLog(Path file, Instant runStart) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file));
            this.out = new PrintStream(stream, false, java.nio.charset.StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the histogram log " + file + ": " + e.getMessage(), e);
        }
        this.writer = new HistogramLogWriter(out);
        writer.outputComment("Faultline latencies in microseconds, one tag per request name");
        writer.outputLogFormatVersion();
        writer.outputStartTime(runStart.toEpochMilli());
        writer.outputBaseTime(runStart.toEpochMilli());
        writer.outputLegend();
    }

    /** Writes one second's histogram, tagged with {@code requestOrNull} (null: untagged, all requests). */
    void write(long second, String requestOrNull, AbstractHistogram histogram) {
        histogram.setTag(requestOrNull);
        writer.outputIntervalHistogram(second, second + 1, histogram, MICROS_PER_MS);
    }

    void flush() {
        out.flush();
    }

    @Override
    public void close() {
        writer.close();
    }
}
