package dev.faultline.cluster.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;

/** The registry a server of the cluster exports on {@code /metrics}, with the process's own metrics bound. */
public final class PrometheusMetrics {
    /** The content type of Prometheus text exposition format 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusMetrics() {
    }

    /**
     * A new registry whose every meter carries {@code component=<component>}, with {@link ProcessMetrics} bound.
     *
     * @param dataDir the directory whose disk space is reported
     */
    public static PrometheusMeterRegistry newRegistry(String component, Path dataDir) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("component", component);
        new ProcessMetrics(dataDir).bindTo(registry);
        return registry;
    }
}
