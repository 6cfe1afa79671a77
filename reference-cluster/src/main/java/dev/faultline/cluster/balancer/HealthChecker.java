package dev.faultline.cluster.balancer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Active health checks: every interval, {@code GET <path>} ({@code /health} unless the settings name another) to each
 * backend; a 2xx within the timeout passes.
 * {@link HealthCount} turns the results into healthy/unhealthy; changes are logged.
 */
final class HealthChecker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HealthChecker.class);
    static final String PATH = HealthCheckSettings.DEFAULT_PATH;

    private final String balancer;
    private final List<BackendState> backends;
    private final HealthCheckSettings settings;
    private final Map<BackendState, HealthCount> counts = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final HttpClient client;
    private ScheduledFuture<?> schedule;

    private HealthChecker(String balancer, List<BackendState> backends, HealthCheckSettings settings,
            ScheduledExecutorService timer) {
        this.balancer = balancer;
        this.backends = backends;
        this.settings = settings;
        this.timer = timer;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .executor(timer)
                .build();
        backends.forEach(state -> counts.put(state, new HealthCount(settings.unhealthyAfter(), settings.healthyAfter())));
    }

    /** Starts checking every backend at once and then every interval, on {@code timer}. */
    static HealthChecker start(String balancer, List<BackendState> backends, HealthCheckSettings settings,
            ScheduledExecutorService timer) {
        HealthChecker checker = new HealthChecker(balancer, backends, settings, timer);
        checker.schedule = checker.timer.scheduleWithFixedDelay(checker::checkAll, 0, settings.interval().toNanos(),
                TimeUnit.NANOSECONDS);
        return checker;
    }

    private void checkAll() {
        for (BackendState state : backends) {
            var address = state.backend().address();
            URI uri = URI.create("http://" + address.getHostString() + ":" + address.getPort() + settings.path());
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.timeout()).GET().build();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> record(state,
                            error == null && response.statusCode() / 100 == 2,
                            error != null ? String.valueOf(error.getCause() == null ? error : error.getCause())
                                    : "status " + response.statusCode()));
        }
    }

    private void record(BackendState state, boolean passed, String result) {
        Boolean change = counts.get(state).record(passed);
        if (change == null) {
            return;
        }
        state.healthy(change);
        if (change) {
            LOG.info("{}: {} is healthy again ({} health checks passed in a row)", balancer,
                    state.backend().describe(), settings.healthyAfter());
        } else {
            LOG.warn("{}: {} is unhealthy after {} failed health checks in a row (last: {}); it gets no traffic",
                    balancer, state.backend().describe(), settings.unhealthyAfter(), result);
        }
    }

    /** Stops the checks; the timer belongs to the caller. */
    @Override
    public void close() {
        schedule.cancel(false);
    }
}
