package dev.faultline.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.faults.network.FaultHandle;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ReferenceClusterTargetIT {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private long timedGet(URI uri) throws IOException, InterruptedException {
        long start = System.nanoTime();
        assertThat(send(HttpRequest.newBuilder(uri)).statusCode()).isEqualTo(200);
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void aWriteThroughTheServiceAddressCanBeReadBack() throws Exception {
        try (ReferenceClusterTarget cluster = ReferenceClusterTarget.start(new ReferenceClusterConfig(1, null))) {
            URI key = cluster.serviceUri().resolve("/kv/greeting");
            assertThat(send(HttpRequest.newBuilder(key).PUT(HttpRequest.BodyPublishers.ofString("hello"))).statusCode())
                    .isBetween(200, 204);
            HttpResponse<String> read = send(HttpRequest.newBuilder(key));
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).isEqualTo("hello");
            assertThat(cluster.links()).containsOnlyKeys("client->lb", "lb->n1");
        }
    }

    @Test
    void latencyOnTheStoreLinkSlowsRequestsUntilHealed() throws Exception {
        try (ReferenceClusterTarget cluster = ReferenceClusterTarget.start(new ReferenceClusterConfig(1, null))) {
            URI key = cluster.serviceUri().resolve("/kv/k");
            send(HttpRequest.newBuilder(key).PUT(HttpRequest.BodyPublishers.ofString("v")));
            FaultHandle slow = cluster.linkFaults().latency(cluster.links().get("lb->n1"), Duration.ofMillis(200), Duration.ZERO);
            assertThat(timedGet(key)).isGreaterThanOrEqualTo(200);
            slow.heal();
            slow.heal();
            ToxiproxyClient proxy = new ToxiproxyClient("127.0.0.1", cluster.faultProxyPort());
            assertThat(proxy.getProxies()).allSatisfy(p -> assertThat(p.toxics().getAll()).isEmpty());
        }
    }

    @Test
    void closingStopsEveryComponentAndFreesItsPorts() {
        ReferenceClusterTarget cluster = ReferenceClusterTarget.start(new ReferenceClusterConfig(2, null));
        int service = cluster.serviceUri().getPort();
        cluster.close();
        cluster.close();
        assertThatThrownBy(() -> new Socket("127.0.0.1", service).close()).isInstanceOf(ConnectException.class);
    }
}
