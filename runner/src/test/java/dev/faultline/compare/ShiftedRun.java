package dev.faultline.compare;

import dev.faultline.report.JsonResultsWriter;
import dev.faultline.report.Results;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;

/** Copies of recorded runs with a regression injected: every request made slower by a fixed amount. */
final class ShiftedRun {
    static final Path RECORDED = Path.of("src/test/resources/results");

    private ShiftedRun() {
    }

    static Path recorded(String name) {
        return RECORDED.resolve(name).resolve("results.json");
    }

    /**
     * Writes into {@code dir} the recorded run {@code name} with {@code addMs} added to every request's latency: its
     * results.json percentiles and, when {@code withHlog}, every value of its latency.hlog.
     */
    static Path slower(String name, double addMs, Path dir, boolean withHlog) throws IOException {
        Files.createDirectories(dir);
        Results r = JsonResultsWriter.read(recorded(name));
        Map<String, Results.RequestResult> requests = new LinkedHashMap<>();
        r.requests().forEach((n, q) -> requests.put(n, new Results.RequestResult(q.count(), q.ok(), q.errors(),
                new Results.LatencyMs(q.latencyMs().p50() + addMs, q.latencyMs().p90() + addMs,
                        q.latencyMs().p99() + addMs, q.latencyMs().p999() + addMs, q.latencyMs().max() + addMs))));
        Results shifted = new Results(r.plan(), r.passed(), r.error(), r.startedAt(), r.durationMs(), r.seed(),
                r.target(), r.load(), requests, r.faults(), r.checks(), r.series(), r.faultsHealed());
        Path file = new JsonResultsWriter().write(shifted, dir);
        if (withHlog) {
            shiftHlog(RECORDED.resolve(name).resolve(RunProfile.HLOG), dir.resolve(RunProfile.HLOG),
                    Math.round(addMs * 1000));
        }
        return file;
    }

    /** A copy of the recorded run with {@code failed} of one request's successes turned into 5xx errors. */
    static Path lessAvailable(String name, String request, long failed, Path dir) throws IOException {
        Files.createDirectories(dir);
        Results r = JsonResultsWriter.read(recorded(name));
        Map<String, Results.RequestResult> requests = new LinkedHashMap<>(r.requests());
        Results.RequestResult q = requests.get(request);
        requests.put(request, new Results.RequestResult(q.count(), q.ok() - failed, Map.of("5xx", failed), q.latencyMs()));
        return new JsonResultsWriter().write(new Results(r.plan(), r.passed(), r.error(), r.startedAt(), r.durationMs(),
                r.seed(), r.target(), r.load(), requests, r.faults(), r.checks(), r.series(), r.faultsHealed()), dir);
    }

    private static void shiftHlog(Path from, Path to, long addMicros) throws IOException {
        try (HistogramLogReader reader = new HistogramLogReader(from.toFile());
             PrintStream out = new PrintStream(Files.newOutputStream(to), false, "US-ASCII")) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            writer.outputLogFormatVersion();
            writer.outputStartTime(0);
            writer.outputLegend();
            long second = 0;
            EncodableHistogram next;
            while ((next = reader.nextIntervalHistogram()) != null) {
                Histogram h = (Histogram) next;
                Histogram shifted = new Histogram(3);
                for (HistogramIterationValue v : h.recordedValues()) {
                    shifted.recordValueWithCount(v.getValueIteratedTo() + addMicros, v.getCountAtValueIteratedTo());
                }
                shifted.setTag(h.getTag());
                writer.outputIntervalHistogram(second, second + 1, shifted, 1000.0);
                second++;
            }
        }
    }
}
