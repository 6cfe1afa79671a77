package dev.faultline.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
    private static final String SCRAPE = """
            # HELP balancer_breaker_state Circuit breaker state of the backend: 1 for the current state
            # TYPE balancer_breaker_state gauge
            balancer_breaker_state{application="lb",backend="n1",state="open",} 1.0
            balancer_breaker_state{application="lb",backend="n1",state="closed",} 0.0
            balancer_requests_seconds_bucket{backend="n1",le="0.001"} 3.0
            balancer_errors_total{kind="say \\"hi\\"\\\\"} 7.0 1700000000000
            store_hints_pending NaN
            broken_line{backend="n1
            """;

    @Test
    void wantedSamplesAreParsedWithTheirLabelsAndTheRestSkipped() {
        List<PrometheusText.Sample> samples = PrometheusText.parse(SCRAPE, MetricsScraper::wanted);
        assertThat(samples).hasSize(4);
        assertThat(samples.get(0)).isEqualTo(new PrometheusText.Sample("balancer_breaker_state",
                Map.of("application", "lb", "backend", "n1", "state", "open"), 1.0));
        assertThat(samples.get(1).value()).isEqualTo(0.0);
        assertThat(samples.get(2).labels()).containsEntry("kind", "say \"hi\"\\");
        assertThat(samples.get(2).value()).isEqualTo(7.0);
        assertThat(samples.get(3).value()).isNaN();
    }

    @Test
    void histogramBucketsAndUnknownFamiliesAreNotWanted() {
        assertThat(MetricsScraper.wanted("balancer_requests_seconds_bucket")).isFalse();
        assertThat(MetricsScraper.wanted("jvm_memory_used_bytes")).isFalse();
        assertThat(MetricsScraper.wanted("balancer_limiter_requests_total")).isTrue();
    }

    @Test
    void requestsPerBackendAreKeptAsCountsWithoutTheirSumsOrMaxima() {
        assertThat(MetricsScraper.wanted("balancer_requests_seconds_count")).isTrue();
        assertThat(MetricsScraper.wanted("balancer_requests_seconds_sum")).isFalse();
        assertThat(MetricsScraper.wanted("balancer_requests_seconds_max")).isFalse();
    }
}
