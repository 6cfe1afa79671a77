package dev.faultline.cluster.balancer;

import dev.faultline.cluster.http.ServerThreads;
import dev.faultline.cluster.metrics.MetricsServer;
import dev.faultline.cluster.metrics.PrometheusMetrics;
import io.github.bucket4j.TimeMeter;
import io.netty.channel.ChannelHandler;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A load balancer: at layer 7 an HTTP/1.1 reverse proxy with keep-alive connections on both sides (each response
 * carries {@code X-Backend: <name>}; a failed backend answers 502 and a slow one 504, both naming the backend), at
 * layer 4 a TCP relay. It spreads requests by its strategy over the backends that pass their health checks and
 * whose circuit breakers are closed, refuses clients over their rate limit (429), and serves its metrics in
 * Prometheus text format on a port of their own ({@link #metricsAddress()}). Two balancers with
 * {@link BalancerSettings#standby()} on the same port form a primary/standby pair: the one that holds the port
 * serves, the other waits and takes the port over when the first one's process dies ({@link ServicePort}).
 */
public final class Balancer implements AutoCloseable {
    /** One acceptor and two I/O threads; each I/O thread keeps its own pools of backend connections. */
    static final ServerThreads THREADS = new ServerThreads(1, 2);

    private final String name;
    private final List<AutoCloseable> parts;
    private final ServicePort server;
    private final MetricsServer metricsServer;
    private final List<BackendState> backends;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Balancer(String name, List<AutoCloseable> parts, ServicePort server, MetricsServer metricsServer,
            List<BackendState> backends) {
        this.name = name;
        this.parts = parts;
        this.server = server;
        this.metricsServer = metricsServer;
        this.backends = backends;
    }

    /**
     * Starts the balancer and returns once it listens. Backends are connected lazily, on the first request.
     *
     * @throws dev.faultline.cluster.http.ServerStartException naming host:port and the cause if it cannot listen
     */
    public static Balancer start(BalancerConfig config) {
        return start(config, Clock.systemUTC(), TimeMeter.SYSTEM_NANOTIME);
    }

    /** Starts with the given clocks for the breakers and the rate limiter (tests pass fake ones). */
    static Balancer start(BalancerConfig config, Clock breakerClock, TimeMeter limiterClock) {
        Objects.requireNonNull(config, "config");
        BalancerSettings settings = config.settings();
        List<AutoCloseable> parts = new ArrayList<>();
        try {
            PrometheusMeterRegistry registry = PrometheusMetrics.newRegistry(config.name(), Path.of("."));
            parts.add(registry::close);
            BalancerMetrics metrics = new BalancerMetrics(registry);
            List<BackendState> backends = new ArrayList<>();
            for (Backend backend : config.backends()) {
                var breaker = BackendBreakers.create(config.name(), backend, settings.breaker(), breakerClock);
                BackendState state = new BackendState(backend, breaker);
                metrics.backend(state);
                if (breaker != null) {
                    metrics.breaker(backend.name(), breaker);
                }
                backends.add(state);
            }
            ClientRateLimiter limiter = settings.limiter() == null ? null
                    : new ClientRateLimiter(settings.limiter(), limiterClock);
            Routing routing = new Routing(backends, BackendSelector.of(settings, backends),
                    ClientKey.parse(settings.hashKey()),
                    limiter, settings.limiter() == null ? null : ClientKey.parse(settings.limiter().key()), metrics);

            ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "balancer-" + config.name() + "-housekeeping");
                thread.setDaemon(true);
                return thread;
            });
            parts.add(housekeeping::shutdownNow);
            housekeeping.scheduleWithFixedDelay(routing::evictIdleClients, 1, 1, TimeUnit.SECONDS);
            if (settings.healthCheck() != null) {
                parts.add(HealthChecker.start(config.name(), backends, settings.healthCheck(), housekeeping));
            }

            ChannelHandler childInit;
            if (settings.layer() == 4) {
                childInit = new RelayInitializer(routing, config.backendTimeout(), settings.clientIdleTimeout());
            } else {
                BackendPools pools = new BackendPools(config.backendTimeout());
                parts.add(pools);
                childInit = new BalancerChannelInitializer(routing, pools, config.backendTimeout(),
                        settings.clientIdleTimeout());
            }
            MetricsServer metricsServer = MetricsServer.start("balancer " + config.name() + " metrics",
                    config.host(), config.metricsPort(), registry);
            parts.add(metricsServer);
            String label = "balancer " + config.name();
            ServicePort server = settings.standby()
                    ? ServicePort.bindOrStandBy(label, config.host(), config.port(), THREADS, childInit,
                            metrics::tookOver)
                    : ServicePort.bind(label, config.host(), config.port(), THREADS, childInit);
            parts.add(server);
            metrics.servicePort(server);
            return new Balancer(config.name(), parts, server, metricsServer, backends);
        } catch (RuntimeException e) {
            closeAll(parts);
            throw e;
        }
    }

    public String name() {
        return name;
    }

    /** The service port: where the balancer listens, or, as the standby, where it waits to listen. */
    public int port() {
        return server.address().getPort();
    }

    public InetSocketAddress address() {
        return server.address();
    }

    /**
     * True while the balancer serves its port: always for a lone balancer; for one of a primary/standby pair
     * ({@link BalancerSettings#standby()}), once it holds the port, from the start or since it took it over.
     */
    public boolean isActive() {
        return server.active();
    }

    /** Where {@code GET /metrics} answers in Prometheus text format. */
    public InetSocketAddress metricsAddress() {
        return metricsServer.address();
    }

    /** Client connections open right now. */
    public int openConnections() {
        return server.openConnections();
    }

    /** Whether the named backend passes its health checks (true when none are made). */
    public boolean isHealthy(String backend) {
        return backends.stream().filter(s -> s.backend().name().equals(backend)).findFirst()
                .map(BackendState::healthy)
                .orElseThrow(() -> new IllegalArgumentException("balancer " + name + " has no backend '" + backend + "'"));
    }

    /** Idempotent: stops listening, closes client and backend connections and frees the threads. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closeAll(parts);
        }
    }

    private static void closeAll(List<AutoCloseable> parts) {
        RuntimeException first = null;
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception e) {
                if (first == null) {
                    first = new IllegalStateException("stopping the balancer failed: " + e.getMessage(), e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public String toString() {
        return "Balancer[" + name + " on " + address() + "]";
    }
}
