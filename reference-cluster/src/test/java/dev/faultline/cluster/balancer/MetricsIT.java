package dev.faultline.cluster.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.cluster.testkit.SwitchableBackend;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MetricsIT {
    private final BalancerFixture fixture = new BalancerFixture();

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private Balancer busyBalancer() throws Exception {
        List<SwitchableBackend> backends = fixture.backends(2);
        Balancer lb = fixture.balancer(backends, BalancerSettings.DEFAULTS
                .withBreaker(BreakerSettings.DEFAULTS)
                .withLimiter(new LimiterSettings(1000, 1000, null, 0)));
        backends.get(1).failing(true);
        for (int i = 0; i < 6; i++) {
            fixture.get(lb, "/x", "X-Client-Id", "c" + (i % 2));
        }
        return lb;
    }

    @Test
    void metricsCoverRequestsLatencyErrorsBreakersLimiterConnectionsHealthAndProcess() throws Exception {
        String metrics = fixture.metrics(busyBalancer());

        assertThat(metrics)
                .contains("balancer_requests_seconds_bucket{backend=\"n1\",component=\"lb\",status=\"2xx\",le=")
                .contains("balancer_requests_seconds_count{backend=\"n2\",component=\"lb\",status=\"5xx\"} 3")
                .contains("balancer_breaker_state{backend=\"n2\",component=\"lb\",state=\"closed\"} 1.0")
                .contains("balancer_limiter_requests_total{client=\"c0\",component=\"lb\",decision=\"accepted\"} 3.0")
                .contains("balancer_connections_active{component=\"lb\"}")
                .contains("balancer_backend_healthy{backend=\"n1\",component=\"lb\"} 1.0")
                .contains("process_cpu_usage{component=\"lb\"}")
                .contains("jvm_memory_used_bytes{")
                .contains("disk_free_bytes{");
        if (new File("/proc/self/statm").canRead()) {
            assertThat(metrics).contains("process_resident_memory_bytes{component=\"lb\"}")
                    .contains("process_disk_written_bytes_total{component=\"lb\"}");
        }
    }

    @Test
    void metricsPassPromtoolCheck() throws Exception {
        String promtool = findPromtool();
        Assumptions.assumeTrue(promtool != null,
                "promtool is not installed (Debian package 'prometheus'); skipping the exposition-format check");
        String metrics = fixture.metrics(busyBalancer());

        Process check = new ProcessBuilder(promtool, "check", "metrics").redirectErrorStream(true).start();
        check.getOutputStream().write(metrics.getBytes(StandardCharsets.UTF_8));
        check.getOutputStream().close();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(20, TimeUnit.SECONDS)).isTrue();

        assertThat(check.exitValue()).as("promtool check metrics said:%n%s", output).isZero();
    }

    private static String findPromtool() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            File candidate = new File(dir, "promtool");
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        return null;
    }
}
