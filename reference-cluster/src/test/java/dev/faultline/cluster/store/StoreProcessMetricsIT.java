package dev.faultline.cluster.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A store node's /metrics carries the process's own CPU, memory and disk use, as the balancer's does. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StoreProcessMetricsIT {

    @Test
    void storeMetricsIncludeTheProcessCpuMemoryAndDisk() throws Exception {
        try (StoreNode node = StoreNode.start(StoreNodeConfig.local("n1"))) {
            HttpClient client = HttpClient.newHttpClient();
            String metrics = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port()
                    + "/metrics")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();

            assertThat(metrics).contains("process_cpu_usage{node=\"n1\"}")
                    .contains("jvm_memory_used_bytes{")
                    .contains("disk_free_bytes{");
            if (new File("/proc/self/statm").canRead()) {
                assertThat(metrics).contains("process_resident_memory_bytes{node=\"n1\"}");
            }
        }
    }
}
