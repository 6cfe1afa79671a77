package dev.faultline.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ProcessClusterIT {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path workDir;

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private ReferenceClusterTarget start(int nodes) {
        return ReferenceClusterTarget.start(new ReferenceClusterConfig(nodes, Duration.ofSeconds(2),
                ReferenceClusterConfig.Isolation.PROCESS, workDir, null));
    }

    private static List<ProcessHandle> liveChildren() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList();
    }

    @Test
    void eachStoreNodeAndTheBalancerRunAsTheirOwnProcessBehindTheLinks() throws Exception {
        try (ReferenceClusterTarget cluster = start(2)) {
            assertThat(cluster.components()).containsOnlyKeys("n1", "n2", "lb", "fault-proxy");
            for (String name : List.of("n1", "n2", "lb")) {
                Component component = cluster.components().get(name);
                assertThat(component.processControl()).as(name).isPresent();
                assertThat(component.processControl().get().pid()).isNotEqualTo(ProcessHandle.current().pid());
                assertThat(component.processControl().get().dataDir()).isEqualTo(workDir.resolve(name));
            }
            assertThat(cluster.components().get("fault-proxy").processControl()).isEmpty();
            assertThat(cluster.components().get("lb").kind()).isEqualTo(Component.Kind.BALANCER);
            assertThat(cluster.links()).containsOnlyKeys("client->lb", "lb->n1", "lb->n2", "n1->n2", "n2->n1");
            assertThat(cluster.workDir()).contains(workDir);

            URI key = cluster.serviceUri().resolve("/kv/greeting");
            assertThat(send(HttpRequest.newBuilder(key).PUT(HttpRequest.BodyPublishers.ofString("hello"))).statusCode())
                    .isBetween(200, 204);
            URI direct = cluster.components().get("n1").url().resolve("/health");
            assertThat(send(HttpRequest.newBuilder(direct)).headers().firstValue("X-Node")).contains("n1");
        }
        assertThat(liveChildren()).isEmpty();
    }

    @Test
    void aCrashedNodeIsReachedThroughItsLinkAgainAfterRestart() throws Exception {
        try (ReferenceClusterTarget cluster = start(1)) {
            URI key = cluster.serviceUri().resolve("/kv/k");
            ProcessControl n1 = cluster.components().get("n1").processControl().orElseThrow();
            n1.kill();
            assertThat(send(HttpRequest.newBuilder(key)).statusCode()).isEqualTo(502);
            n1.restart();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(send(HttpRequest.newBuilder(key)).statusCode()).isIn(200, 404));
        }
        assertThat(liveChildren()).isEmpty();
    }
}
