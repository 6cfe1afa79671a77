package dev.faultline.targets.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.cluster.store.Conflicts;
import dev.faultline.cluster.store.Consistency;
import dev.faultline.cluster.store.Durability;
import dev.faultline.targets.StoreSettings;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same story on three store node processes, once per conflict mode: n1's clock runs a minute ahead; while n1
 * is cut off, n1 writes "first", then n2 writes "second"; then the partition heals.
 */
@Timeout(120)
class StoreConflictsIT {
    private static final List<String> NODES = List.of("n1", "n2", "n3");

    @TempDir
    Path workDir;

    @Test
    void lastWriteWinsUnderClockSkewLosesTheLaterWrite() throws Exception {
        try (StoreProcessCluster cluster = start(Conflicts.LWW)) {
            writeFirstOnFastClockThenSecondElsewhere(cluster);

            awaitConverged(cluster);
            for (String node : NODES) {
                HttpResponse<String> read = cluster.get(node, "profile");
                assertThat(read.statusCode()).isEqualTo(200);
                assertThat(read.body()).as("%s: the earlier write, stamped a minute ahead, wins", node).isEqualTo("first");
            }
        }
    }

    @Test
    void versionVectorsKeepTheUpdateLastWriteWinsLosesAsASibling() throws Exception {
        try (StoreProcessCluster cluster = start(Conflicts.VERSION_VECTORS)) {
            writeFirstOnFastClockThenSecondElsewhere(cluster);

            awaitConverged(cluster);
            HttpResponse<String> read = cluster.get("n3", "profile");
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.headers().firstValue("X-Siblings")).hasValue("2");
            assertThat(siblingValues(read.body())).containsExactlyInAnyOrder("first", "second");

            String context = read.headers().firstValue("X-Context").orElseThrow();
            assertThat(cluster.put("n1", "profile", "merged", "X-Context", context).statusCode()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (String node : NODES) {
                    HttpResponse<String> resolved = cluster.get(node, "profile");
                    assertThat(resolved.body()).as(node).isEqualTo("merged");
                    assertThat(resolved.headers().firstValue("X-Siblings")).hasValue("1");
                }
            });
        }
    }

    private StoreProcessCluster start(Conflicts conflicts) {
        return StoreProcessCluster.start(3, new StoreSettings(3, Consistency.EVENTUAL, null, null, conflicts,
                Durability.NONE, Duration.ofMillis(200)), workDir);
    }

    private static void writeFirstOnFastClockThenSecondElsewhere(StoreProcessCluster cluster) throws Exception {
        HttpResponse<String> skew = cluster.send("n1", "/admin/clock", HttpRequest.newBuilder()
                .POST(BodyPublishers.ofString("{\"skewMs\": 60000}")));
        assertThat(skew.statusCode()).isEqualTo(200);
        assertThat(skew.body()).contains("\"skewMs\":60000");
        cluster.partition(Set.of("n1"));
        assertThat(cluster.put("n1", "profile", "first").statusCode()).isEqualTo(204);
        assertThat(cluster.put("n2", "profile", "second").statusCode()).isEqualTo(204);
        assertThat(cluster.get("n1", "profile").body()).as("n1 has not seen the second write").isEqualTo("first");
        cluster.heal();
    }

    private static void awaitConverged(StoreProcessCluster cluster) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(cluster.digest("n1")).startsWith("1 keys")
                        .isEqualTo(cluster.digest("n2")).isEqualTo(cluster.digest("n3")));
    }

    private static List<String> siblingValues(String body) throws Exception {
        List<String> values = new ArrayList<>();
        new ObjectMapper().readTree(body).get("siblings").forEach(sibling -> values.add(sibling.get("value").asText()));
        return values;
    }
}
