package dev.faultline.observe;

import dev.faultline.sample.RunClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the components' {@code /metrics} once a second on the control plane (java.net.http, one thread) and keeps
 * the series of the families that say how the target coped: breaker state, backend health, limiter decisions and
 * errors of the balancer; hints, anti-entropy, repairs and quorum failures of the store. A scrape that fails or
 * times out leaves a gap in the series; histogram buckets are not kept. At most {@value #MAX_SERIES} series.
 */
final class MetricsScraper implements AutoCloseable {
    static final List<String> FAMILIES = List.of("balancer_breaker_state", "balancer_breaker_transitions",
            "balancer_backend_healthy", "balancer_requests_seconds_count", "balancer_limiter_requests", "balancer_errors", "balancer_connections_active",
            "store_hints_pending", "store_anti_entropy_rounds", "store_anti_entropy_keys_repaired", "store_read_repairs",
            "store_quorum_failures", "store_replication_lag");
    static final int MAX_SERIES = 2_000;
    private static final Duration PERIOD = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofMillis(800);

    private record Key(String component, String metric, Map<String, String> labels) {
    }

    private final Map<String, URI> endpoints;
    private final RunClock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "faultline-metrics-scraper");
        t.setDaemon(true);
        return t;
    });
    private final Map<Key, List<MetricSeries.Point>> series = new LinkedHashMap<>();

    /** Starts scraping {@code endpoints} (component name to metrics URL) now, and then every second. */
    MetricsScraper(Map<String, URI> endpoints, RunClock clock) {
        this.endpoints = Map.copyOf(endpoints);
        this.clock = clock;
        if (!endpoints.isEmpty()) {
            timer.scheduleAtFixedRate(this::scrapeAll, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Scrapes every endpoint once and throws the answers away: the first scrape loads classes and fills caches on both
     * sides, and on a 2-core machine that would otherwise show as a latency spike in the run's first second.
     */
    static void prime(Map<String, URI> endpoints) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        for (URI url : endpoints.values()) {
            try {
                String body = client.send(HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                PrometheusText.parse(body, MetricsScraper::wanted);
            } catch (java.io.IOException unreachable) {
                // the run's own scrapes will show the gap
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static boolean wanted(String name) {
        return !name.endsWith("_bucket") && FAMILIES.stream().anyMatch(name::startsWith);
    }

    private void scrapeAll() {
        List<CompletableFuture<Void>> scrapes = new ArrayList<>();
        endpoints.forEach((component, url) -> {
            long tMs = clock.millisNow();
            scrapes.add(http.sendAsync(HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build(),
                            HttpResponse.BodyHandlers.ofString())
                    .thenAccept(response -> {
                        if (response.statusCode() == 200) {
                            keep(component, tMs, PrometheusText.parse(response.body(), MetricsScraper::wanted));
                        }
                    })
                    .exceptionally(unreachable -> null));
        });
        try {
            CompletableFuture.allOf(scrapes.toArray(CompletableFuture[]::new)).get(PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception late) {
            // a component that does not answer within the period is a gap in its series, not a failed run
        }
    }

    private synchronized void keep(String component, long tMs, List<PrometheusText.Sample> samples) {
        for (PrometheusText.Sample s : samples) {
            Key key = new Key(component, s.name(), s.labels());
            List<MetricSeries.Point> points = series.get(key);
            if (points == null) {
                if (series.size() >= MAX_SERIES) {
                    continue;
                }
                points = new ArrayList<>();
                series.put(key, points);
            }
            points.add(new MetricSeries.Point(tMs, s.value()));
        }
    }

    /** Stops scraping and gives every series kept, in the order first seen. */
    List<MetricSeries> finish() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            List<MetricSeries> all = new ArrayList<>();
            series.forEach((key, points) -> all.add(new MetricSeries(key.component(), key.metric(), key.labels(), points)));
            return all;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
