package dev.faultline.compare;

import dev.faultline.report.JsonResultsWriter;
import dev.faultline.report.Results;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * One run as a comparison sees it: its results.json and, when the {@code latency.hlog} written beside it is there,
 * each request's whole latency distribution (the sum of its tagged per-second histograms).
 */
final class RunProfile {
    static final String HLOG = "latency.hlog";

    final Path file;
    final Results results;
    /** Request name to its whole-run histogram (microseconds); empty when there is no .hlog. */
    final Map<String, Histogram> histograms;

    private RunProfile(Path file, Results results, Map<String, Histogram> histograms) {
        this.file = file;
        this.results = results;
        this.histograms = histograms;
    }

    /** Reads {@code resultsJson} (and the .hlog beside it, if any); a file that is not results.json is refused. */
    static RunProfile load(Path resultsJson) {
        Results results;
        try {
            results = JsonResultsWriter.read(resultsJson);
        } catch (NoSuchFileException | FileNotFoundException e) {
            throw new IllegalArgumentException(resultsJson + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException(resultsJson + ": not a Faultline results.json ("
                    + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (results.plan() == null || results.requests() == null) {
            throw new IllegalArgumentException(resultsJson + ": not a Faultline results.json (no plan or requests)");
        }
        Path hlog = resultsJson.toAbsolutePath().resolveSibling(HLOG);
        return new RunProfile(resultsJson, results, Files.isRegularFile(hlog) ? histograms(hlog) : Map.of());
    }

    /** The request's figures at {@code percentiles}, from the histogram when there is one, else from results.json. */
    Optional<RequestProfile> request(String name, List<Double> percentiles) {
        Results.RequestResult r = results.requests().get(name);
        if (r == null) {
            return Optional.empty();
        }
        Map<Double, Double> latency = new LinkedHashMap<>();
        Histogram h = histograms.get(name);
        for (double p : percentiles) {
            latency.put(p, h != null ? (h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(p) / 1000.0)
                    : fromResults(r.latencyMs(), p));
        }
        double availability = r.count() == 0 ? 100 : 100.0 * r.ok() / r.count();
        return Optional.of(new RequestProfile(name, r.count(), availability, latency));
    }

    boolean hasHistograms() {
        return !histograms.isEmpty();
    }

    private static double fromResults(Results.LatencyMs l, double p) {
        if (p == 50) {
            return l.p50();
        } else if (p == 90) {
            return l.p90();
        } else if (p == 99) {
            return l.p99();
        } else if (p == 99.9) {
            return l.p999();
        }
        throw new IllegalArgumentException("results.json lists no p" + p);
    }

    private static Map<String, Histogram> histograms(Path hlog) {
        Map<String, Histogram> sums = new HashMap<>();
        try (HistogramLogReader reader = new HistogramLogReader(hlog.toFile())) {
            EncodableHistogram next;
            while ((next = reader.nextIntervalHistogram()) != null) {
                if (next instanceof Histogram interval && interval.getTag() != null) {
                    sums.computeIfAbsent(interval.getTag(), t -> new Histogram(interval.getNumberOfSignificantValueDigits()))
                            .add(interval);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(hlog + ": not a readable HdrHistogram log (" + e.getMessage() + ")");
        }
        return sums;
    }
}
