package dev.faultline.cluster.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConflictsIT {
    private TestCluster cluster;

    @AfterEach
    void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void lastWriteWinsUnderClockSkewLosesTheLaterWrite() throws Exception {
        cluster = twoNodes(Conflicts.LWW);
        writeFirstOnFastClockThenSecondElsewhere();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(cluster.digest("n1")).isEqualTo(cluster.digest("n2")));

        for (String node : List.of("n1", "n2")) {
            var read = cluster.get(node, "profile");
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).as("the earlier write, stamped by the clock running a minute ahead, wins")
                    .isEqualTo("first");
        }
    }

    @Test
    void versionVectorsKeepTheConcurrentLaterWriteAsASibling() throws Exception {
        cluster = twoNodes(Conflicts.VERSION_VECTORS);
        writeFirstOnFastClockThenSecondElsewhere();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(cluster.digest("n1")).isEqualTo(cluster.digest("n2")));

        var read = cluster.get("n2", "profile");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("X-Siblings")).hasValue("2");
        assertThat(read.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(siblingValues(read.body())).containsExactlyInAnyOrder("first", "second");
        String context = read.headers().firstValue("X-Context").orElseThrow();

        assertThat(cluster.put("n1", "profile", "resolved", "X-Context", context).statusCode()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (String node : List.of("n1", "n2")) {
                var resolved = cluster.get(node, "profile");
                assertThat(resolved.body()).isEqualTo("resolved");
                assertThat(resolved.headers().firstValue("X-Siblings")).hasValue("1");
            }
        });
    }

    @Test
    void aWriteWithoutTheContextDoesNotSupersedeAConcurrentOne() throws Exception {
        cluster = twoNodes(Conflicts.VERSION_VECTORS);
        assertThat(cluster.put("n1", "k", "a").statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(cluster.get("n2", "k").body()).isEqualTo("a"));
        String context = cluster.get("n2", "k").headers().firstValue("X-Context").orElseThrow();

        assertThat(cluster.put("n2", "k", "b", "X-Context", context).statusCode()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var read = cluster.get("n1", "k");
            assertThat(read.body()).as("b descends from a: no sibling").isEqualTo("b");
            assertThat(read.headers().firstValue("X-Siblings")).hasValue("1");
        });
    }

    @Test
    void malformedContextIsRefusedWith400() throws Exception {
        cluster = twoNodes(Conflicts.VERSION_VECTORS);

        var write = cluster.put("n1", "k", "v", "X-Context", "%%%not-a-token");

        assertThat(write.statusCode()).isEqualTo(400);
        assertThat(write.body()).contains("\"error\":\"X-Context");
    }

    private TestCluster twoNodes(Conflicts conflicts) throws Exception {
        return TestCluster.start(2, new TestCluster.Settings(2, Consistency.EVENTUAL, conflicts,
                Duration.ofMillis(200), Duration.ofMillis(300)));
    }

    /** n1's clock runs a minute ahead; with n1 and n2 apart, n1 writes "first", then n2 writes "second". */
    private void writeFirstOnFastClockThenSecondElsewhere() throws Exception {
        var skew = cluster.send("n1", "/admin/clock", HttpRequest.newBuilder()
                .POST(BodyPublishers.ofString("{\"skewMs\": 60000}")));
        assertThat(skew.statusCode()).isEqualTo(200);
        assertThat(skew.body()).contains("\"skewMs\":60000");
        cluster.partition(Set.of("n1"));
        assertThat(cluster.put("n1", "profile", "first").statusCode()).isEqualTo(204);
        assertThat(cluster.put("n2", "profile", "second").statusCode()).isEqualTo(204);
        cluster.heal();
    }

    private static List<String> siblingValues(String body) throws Exception {
        JsonNode siblings = new ObjectMapper().readTree(body).get("siblings");
        List<String> values = new ArrayList<>();
        siblings.forEach(sibling -> values.add(sibling.get("value").asText()));
        return values;
    }
}
