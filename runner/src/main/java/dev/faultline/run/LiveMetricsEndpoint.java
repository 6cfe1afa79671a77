package dev.faultline.run;

import dev.faultline.cluster.metrics.MetricsServer;
import dev.faultline.sample.ErrorKind;
import dev.faultline.sample.LiveSecond;
import dev.faultline.sample.RunClock;
import dev.faultline.sample.SampleRecorder;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * {@code faultline run --metrics-port N}: serves the runs' live figures in Prometheus text format on
 * {@code http://127.0.0.1:N/metrics} while plans run, for a Grafana dashboard to watch (docs/grafana/). It follows one
 * run at a time: the last whole second's request rate, error rate and p99 latency, failures since time zero by kind,
 * each fault of the plan as 1 while active, and whether the plan's run is on. Between runs the figures are 0.
 *
 * <p>A sampler thread reads the run's figures four times a second into a snapshot that scrapes read, so a scrape
 * never waits for the recorder or the fault schedule (whose faults may be busy starting), and a slow run never slows
 * a scrape.
 */
public final class LiveMetricsEndpoint implements AutoCloseable {
    static final long SAMPLE_PERIOD_MS = 250;
    private static final Snapshot IDLE = new Snapshot(null, 0, new LiveSecond(0, 0, 0, 0, 0), Map.of(), List.of());

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "faultline-live-metrics-sampler");
        t.setDaemon(true);
        return t;
    });
    private final MetricsServer server;
    private volatile Followed run;
    private volatile Snapshot snapshot = IDLE;

    /** What is followed now: one plan's run, from its load's start to its end. */
    private record Followed(String plan, RunClock clock, SampleRecorder recorder, Supplier<List<String>> activeFaults) {
    }

    /** The figures scrapes read: {@code plan} null between runs. */
    private record Snapshot(String plan, double elapsedSeconds, LiveSecond last, Map<ErrorKind, Long> errors,
            List<String> activeFaults) {
    }

    private LiveMetricsEndpoint(int port) {
        gauge("faultline.requests.per.second", "Requests that ended in the last whole second of the run", null,
                s -> s.last().requests());
        gauge("faultline.request.errors.per.second", "Failed requests among those of the last whole second", null,
                s -> s.last().errors());
        gauge("faultline.latency.p99", "99th percentile latency of the last whole second (from the intended send time)",
                "seconds", s -> s.last().p99Micros() / 1e6);
        gauge("faultline.run.elapsed", "Seconds since the followed run's time zero", "seconds", Snapshot::elapsedSeconds);
        for (ErrorKind kind : ErrorKind.values()) {
            FunctionCounter.builder("faultline.request.errors", this, e -> e.snapshot.errors().getOrDefault(kind, 0L))
                    .description("Failed requests since the run's time zero, by kind").tag("kind", kind.label())
                    .register(registry);
        }
        this.server = MetricsServer.start("faultline live metrics", "127.0.0.1", port, registry);
        sampler.scheduleAtFixedRate(this::sample, 0, SAMPLE_PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Listens on 127.0.0.1:{@code port} (0 picks a free port).
     *
     * @throws RuntimeException when the port cannot be bound (e.g. taken), naming it
     */
    public static LiveMetricsEndpoint start(int port) {
        return new LiveMetricsEndpoint(port);
    }

    /** The port it listens on. */
    public int port() {
        return server.address().getPort();
    }

    /** Follows a plan's run from its load's start: {@code faultNames} are every fault the plan may start. */
    void follow(String plan, RunClock clock, SampleRecorder recorder, Supplier<List<String>> activeFaults,
            List<String> faultNames) {
        Gauge.builder("faultline.run.active", this, e -> plan.equals(e.snapshot.plan()) ? 1 : 0)
                .description("1 while the plan's load runs").tag("plan", plan).register(registry);
        for (String fault : faultNames) {
            Gauge.builder("faultline.fault.active", this,
                            e -> plan.equals(e.snapshot.plan()) && e.snapshot.activeFaults().contains(fault) ? 1 : 0)
                    .description("1 while the fault is active").tag("plan", plan).tag("fault", fault)
                    .register(registry);
        }
        this.run = new Followed(plan, clock, recorder, activeFaults);
    }

    /** Stops following the current run (its figures drop to 0). */
    void unfollow() {
        this.run = null;
        this.snapshot = IDLE;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        server.close();
        registry.close();
    }

    private void sample() {
        Followed followed = run;
        if (followed == null) {
            snapshot = IDLE;
            return;
        }
        try {
            long nowMs = followed.clock().millisNow();
            LiveSecond last = nowMs < 1000 ? IDLE.last() : followed.recorder().liveSecond(nowMs / 1000 - 1);
            Map<ErrorKind, Long> errors = new EnumMap<>(ErrorKind.class);
            for (ErrorKind kind : ErrorKind.values()) {
                errors.put(kind, followed.recorder().errorsSoFar(kind));
            }
            Snapshot next = new Snapshot(followed.plan(), nowMs / 1000.0, last, errors,
                    List.copyOf(followed.activeFaults().get()));
            snapshot = next;
            if (run != followed) {
                snapshot = IDLE;
            }
        } catch (RuntimeException e) {
            // a run ending under the sampler: the next sample (or unfollow) sets the figures
        }
    }

    private void gauge(String name, String description, String unit, ToDoubleFunction<Snapshot> value) {
        Gauge.Builder<LiveMetricsEndpoint> builder = Gauge.builder(name, this, e -> value.applyAsDouble(e.snapshot))
                .description(description);
        if (unit != null) {
            builder.baseUnit(unit);
        }
        builder.register(registry);
    }
}
