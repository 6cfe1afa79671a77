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
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * {@code faultline run --metrics-port N}: serves the runs' live figures in Prometheus text format on
 * {@code http://127.0.0.1:N/metrics} while plans run, for a Grafana dashboard to watch (docs/grafana/). It follows one
 * run at a time: the last whole second's request rate, error rate and p99 latency, failures since time zero by kind,
 * each fault of the plan as 1 while active, and whether the plan's run is on. Between runs the figures are 0.
 */
public final class LiveMetricsEndpoint implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MetricsServer server;
    private volatile Followed run;

    /** What is followed now: one plan's run, from its load's start to its end. */
    private record Followed(String plan, RunClock clock, SampleRecorder recorder, Supplier<List<String>> activeFaults) {
    }

    private LiveMetricsEndpoint(int port) {
        gauge("faultline.requests.per.second", "Requests that ended in the last whole second of the run", null,
                s -> s.requests());
        gauge("faultline.request.errors.per.second", "Failed requests among those of the last whole second", null,
                s -> s.errors());
        gauge("faultline.latency.p99", "99th percentile latency of the last whole second (from the intended send time)",
                "seconds", s -> s.p99Micros() / 1e6);
        Gauge.builder("faultline.run.elapsed", this, e -> e.run == null ? 0 : e.run.clock().millisNow() / 1000.0)
                .description("Seconds since the followed run's time zero").baseUnit("seconds").register(registry);
        for (ErrorKind kind : ErrorKind.values()) {
            FunctionCounter.builder("faultline.request.errors", this,
                            e -> e.run == null ? 0 : e.run.recorder().errorsSoFar(kind))
                    .description("Failed requests since the run's time zero, by kind").tag("kind", kind.label())
                    .register(registry);
        }
        this.server = MetricsServer.start("faultline live metrics", "127.0.0.1", port, registry);
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
        Gauge.builder("faultline.run.active", this, e -> e.run != null && e.run.plan().equals(plan) ? 1 : 0)
                .description("1 while the plan's load runs").tag("plan", plan).register(registry);
        for (String fault : faultNames) {
            Gauge.builder("faultline.fault.active", this,
                            e -> e.run != null && e.run.plan().equals(plan) && e.run.activeFaults().get().contains(fault) ? 1 : 0)
                    .description("1 while the fault is active").tag("plan", plan).tag("fault", fault)
                    .register(registry);
        }
        this.run = new Followed(plan, clock, recorder, activeFaults);
    }

    /** Stops following the current run (its figures drop to 0). */
    void unfollow() {
        this.run = null;
    }

    @Override
    public void close() {
        server.close();
        registry.close();
    }

    private void gauge(String name, String description, String unit, ToDoubleFunction<LiveSecond> value) {
        Gauge.Builder<LiveMetricsEndpoint> builder = Gauge.builder(name, this, e -> {
            Followed followed = e.run;
            if (followed == null) {
                return 0;
            }
            long second = followed.clock().millisNow() / 1000 - 1;
            return second < 0 ? 0 : value.applyAsDouble(followed.recorder().liveSecond(second));
        }).description(description);
        if (unit != null) {
            builder.baseUnit(unit);
        }
        builder.register(registry);
    }
}
