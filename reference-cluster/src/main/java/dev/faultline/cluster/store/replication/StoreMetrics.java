package dev.faultline.cluster.store.replication;

import dev.faultline.cluster.metrics.ProcessMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A store node's meters, scraped in Prometheus text format from {@code GET /metrics}:
 * {@code store_requests_seconds{op,status}}, {@code store_replication_lag_seconds},
 * {@code store_hints_pending}, {@code store_hints_delivered_total}, {@code store_anti_entropy_rounds_total},
 * {@code store_anti_entropy_keys_repaired_total}, {@code store_read_repairs_total} and
 * {@code store_quorum_failures_total{op}}.
 */
public final class StoreMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer replicationLag;
    private final Counter antiEntropyRounds;
    private final Counter antiEntropyKeysRepaired;
    private final Counter readRepairs;
    private final Counter hintsDelivered;

    /** A node's meters without a data directory: the disk metrics report the working directory's file system. */
    public StoreMetrics(String node) {
        this(node, Path.of("."));
    }

    /** A node's meters, with the process's CPU, memory, threads, open files and {@code dataDir}'s disk use. */
    public StoreMetrics(String node, Path dataDir) {
        registry.config().commonTags("node", node);
        new ProcessMetrics(dataDir).bindTo(registry);
        replicationLag = Timer.builder("store.replication.lag")
                .description("from the coordinator minting a write to a peer replica acknowledging it")
                .publishPercentiles(0.5, 0.99).percentilePrecision(2).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        antiEntropyRounds = Counter.builder("store.anti.entropy.rounds")
                .description("anti-entropy exchanges with a peer that completed").register(registry);
        antiEntropyKeysRepaired = Counter.builder("store.anti.entropy.keys.repaired")
                .description("keys an anti-entropy exchange this node started changed here or sent to the peer").register(registry);
        readRepairs = Counter.builder("store.read.repairs")
                .description("stale replicas sent the merged state after a read").register(registry);
        hintsDelivered = Counter.builder("store.hints.delivered")
                .description("hinted writes delivered to their replica").register(registry);
        quorumFailures("write");
        quorumFailures("read");
    }

    /** Registers the gauge of hints waiting for their replica. */
    void hintsPending(Supplier<Number> pending) {
        Gauge.builder("store.hints.pending", pending).description("keys held for an unreachable replica")
                .register(registry);
    }

    /** Records one client request by operation ({@code get}, {@code put}, {@code delete}, {@code add}) and status. */
    public void request(String op, int status, long nanos) {
        Timer.builder("store.requests").tag("op", op).tag("status", String.valueOf(status))
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10)).register(registry)
                .record(Duration.ofNanos(nanos));
    }

    void replicationLag(long nanos) {
        replicationLag.record(Duration.ofNanos(nanos));
    }

    void quorumFailure(String op) {
        quorumFailures(op).increment();
    }

    private Counter quorumFailures(String op) {
        return Counter.builder("store.quorum.failures").tag("op", op)
                .description("requests answered 503 because a quorum could not be reached").register(registry);
    }

    void antiEntropyRound(int keysRepaired) {
        antiEntropyRounds.increment();
        antiEntropyKeysRepaired.increment(keysRepaired);
    }

    void readRepair() {
        readRepairs.increment();
    }

    void hintsDelivered(int count) {
        hintsDelivered.increment(count);
    }

    /** Every meter in Prometheus text format (version 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }

    /** The registry, for tests and benchmarks that read a meter directly. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }
}
