package dev.faultline.cluster.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
class ReplicationIT {
    private static final Duration FAST_ANTI_ENTROPY = Duration.ofMillis(200);
    private static final Duration NO_ANTI_ENTROPY = Duration.ofHours(1);
    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private TestCluster cluster;

    @AfterEach
    void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void partitionedEventualClusterAcceptsWritesOnBothSidesAndConvergesWithNoAcknowledgedElementMissing() throws Exception {
        cluster = TestCluster.start(3, new TestCluster.Settings(3, Consistency.EVENTUAL, Conflicts.SET_UNION,
                FAST_ANTI_ENTROPY, TIMEOUT));
        cluster.partition(Set.of("n1"));
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            for (String node : List.of("n1", "n2", "n3")) {
                String element = node + "-" + i;
                assertThat(cluster.add(node, "cart", element).statusCode()).as("add %s", element).isEqualTo(204);
                acknowledged.add(element);
            }
        }
        assertThat(setOf("n1")).as("the minority side alone").doesNotContain("n2-0").contains("n1-19");

        cluster.heal();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (String node : List.of("n1", "n2", "n3")) {
                assertThat(setOf(node)).as("set at " + node).containsExactlyInAnyOrderElementsOf(acknowledged);
            }
            assertThat(cluster.digest("n1")).isEqualTo(cluster.digest("n2")).isEqualTo(cluster.digest("n3"));
        });
    }

    @Test
    void partitionedQuorumClusterRefusesWritesOnTheMinorityAndAcceptsThemOnTheMajority() throws Exception {
        cluster = TestCluster.start(3, new TestCluster.Settings(3, Consistency.QUORUM, Conflicts.LWW,
                NO_ANTI_ENTROPY, TIMEOUT));
        cluster.awaitWritable("warm-up");
        double writeFailuresBefore = quorumFailures("n1", "write");
        cluster.partition(Set.of("n1"));

        var minorityWrite = cluster.put("n1", "balance", "100");
        var majorityWrite = cluster.put("n2", "balance", "200");
        var minorityRead = cluster.get("n1", "balance");
        var majorityRead = cluster.get("n3", "balance");

        assertThat(minorityWrite.statusCode()).isEqualTo(503);
        assertThat(minorityWrite.body()).contains("\"error\":\"quorum not reached: 1 of 2 write acks from [")
                .contains("within 300ms");
        assertThat(majorityWrite.statusCode()).isEqualTo(204);
        assertThat(minorityRead.statusCode()).isEqualTo(503);
        assertThat(minorityRead.body()).contains("quorum not reached: 1 of 2 read answers");
        assertThat(majorityRead.statusCode()).isEqualTo(200);
        assertThat(majorityRead.body()).isEqualTo("200");
        assertThat(quorumFailures("n1", "write") - writeFailuresBefore).isEqualTo(1.0);
    }

    @Test
    void quorumClusterAcknowledgesOnlyWritesAMajorityHolds() throws Exception {
        cluster = TestCluster.start(3, new TestCluster.Settings(3, Consistency.QUORUM, Conflicts.LWW,
                NO_ANTI_ENTROPY, TIMEOUT));
        cluster.awaitWritable("warm-up");

        var write = cluster.put("n1", "k", "v1");
        assertThat(write.statusCode()).as(write.body()).isEqualTo(204);
        cluster.partition(Set.of("n1"));

        var fromTheOtherSide = cluster.get("n2", "k");
        assertThat(fromTheOtherSide.statusCode()).isEqualTo(200);
        assertThat(fromTheOtherSide.body()).isEqualTo("v1");
    }

    @Test
    void hintedHandoffDeliversAWriteAReplicaMissedOnceItIsReachableAgain() throws Exception {
        cluster = TestCluster.start(3, new TestCluster.Settings(3, Consistency.EVENTUAL, Conflicts.LWW,
                NO_ANTI_ENTROPY, TIMEOUT));
        cluster.partition(Set.of("n3"));
        for (int i = 0; i < 10; i++) {
            assertThat(cluster.put("n1", "key-" + i, "value-" + i).statusCode()).isEqualTo(204);
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(metrics("n1")).contains("store_hints_pending{node=\"n1\"} 10.0"));
        assertThat(cluster.digest("n3")).contains("\"keys\":0");

        cluster.heal();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(cluster.digest("n3")).contains("\"keys\":10").isEqualTo(cluster.digest("n1"));
            assertThat(metrics("n1")).contains("store_hints_pending{node=\"n1\"} 0.0");
        });
    }

    @Test
    void antiEntropyConvergesKeysNobodyReads() throws Exception {
        cluster = TestCluster.start(3, new TestCluster.Settings(3, Consistency.EVENTUAL, Conflicts.LWW,
                FAST_ANTI_ENTROPY, TIMEOUT));
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            String value = java.util.Base64.getEncoder().encodeToString(("value-" + i).getBytes());
            entries.append(i == 0 ? "" : ",").append("{\"key\":\"unread-").append(i).append("\",\"versions\":[{\"value\":\"")
                    .append(value).append("\",\"tombstone\":false,\"timestamp\":").append(1_000 + i)
                    .append(",\"writer\":\"n1\",\"vector\":{}}]}");
        }
        // merged straight into n1's replica: no coordinator, so neither replication nor hints carry these keys
        var merged = cluster.send("n1", "/internal/merge", HttpRequest.newBuilder()
                .POST(BodyPublishers.ofString("{\"entries\":[" + entries + "]}")));
        assertThat(merged.statusCode()).isEqualTo(204);
        assertThat(cluster.digest("n1")).contains("\"keys\":300");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(cluster.digest("n2")).isEqualTo(cluster.digest("n1")).isEqualTo(cluster.digest("n3")));
        double repaired = 0;
        for (String node : List.of("n1", "n2", "n3")) {
            repaired += counter(node, "store_anti_entropy_keys_repaired_total");
        }
        assertThat(repaired).as("300 keys repaired on each of n2 and n3").isGreaterThanOrEqualTo(600);
    }

    @Test
    void withoutAntiEntropyOrHintedHandoffReplicasAPartitionLeftApartStayApartExceptForKeysReadAgain() throws Exception {
        cluster = TestCluster.start(3, new TestCluster.Settings(3, Consistency.EVENTUAL, Conflicts.SET_UNION,
                Duration.ZERO, TIMEOUT, false));
        cluster.partition(Set.of("n1"));
        for (int i = 0; i < 5; i++) {
            assertThat(cluster.add("n1", "cart-" + i, "from-n1").statusCode()).isEqualTo(204);
            assertThat(cluster.add("n2", "cart-" + i, "from-n2").statusCode()).isEqualTo(204);
        }
        assertThat(metrics("n1")).contains("store_hints_pending{node=\"n1\"} 0.0");

        cluster.heal();
        // five hint periods of the default node and more than a fast anti-entropy period: nothing comes
        Thread.sleep(500);

        assertThat(cluster.digest("n1")).isNotEqualTo(cluster.digest("n2"));
        assertThat(cluster.digest("n2")).isEqualTo(cluster.digest("n3"));
        assertThat(counter("n1", "store_anti_entropy_rounds_total")).isZero();
        assertThat(cluster.get("n3", "cart-0").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(held("n1", "cart-0"))
                .as("read repair: the key read is repaired on n1").containsExactlyInAnyOrder("from-n1", "from-n2"));
        assertThat(held("n1", "cart-1")).as("a key nobody read stays apart").containsExactly("from-n1");
        assertThat(held("n2", "cart-1")).containsExactly("from-n2");
    }

    /** The values {@code node} itself holds for {@code key} (GET /internal/kv, which repairs nothing). */
    private List<String> held(String node, String key) throws Exception {
        var response = cluster.send(node, "/internal/kv/" + key, HttpRequest.newBuilder().GET());
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> values = new ArrayList<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).path("versions").forEach(v ->
                values.add(new String(java.util.Base64.getDecoder().decode(v.path("value").asText()),
                        java.nio.charset.StandardCharsets.UTF_8)));
        return values;
    }

    @Test
    void readRepairUpdatesAStaleReplica() throws Exception {
        cluster = TestCluster.start(3, new TestCluster.Settings(3, Consistency.QUORUM, Conflicts.LWW,
                NO_ANTI_ENTROPY, TIMEOUT));
        String entry = "{\"entries\":[{\"key\":\"k\",\"versions\":[{\"value\":\"dg==\",\"tombstone\":false,"
                + "\"timestamp\":5,\"writer\":\"n1\",\"vector\":{}}]}]}";
        cluster.send("n1", "/internal/merge", HttpRequest.newBuilder().POST(BodyPublishers.ofString(entry)));
        cluster.send("n2", "/internal/merge", HttpRequest.newBuilder().POST(BodyPublishers.ofString(entry)));
        assertThat(cluster.digest("n3")).contains("\"keys\":0");

        assertThat(cluster.get("n1", "k").body()).isEqualTo("v");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(cluster.digest("n3")).isEqualTo(cluster.digest("n1")));
    }

    private List<String> setOf(String node) throws Exception {
        var response = cluster.get(node, "cart");
        assertThat(response.statusCode()).isEqualTo(200);
        return List.of(new com.fasterxml.jackson.databind.ObjectMapper().readValue(response.body(), String[].class));
    }

    private double counter(String node, String name) throws Exception {
        String prefix = name + "{node=\"" + node + "\"} ";
        return metrics(node).lines().filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(prefix.length()))).sum();
    }

    private double quorumFailures(String node, String op) throws Exception {
        String prefix = "store_quorum_failures_total{node=\"" + node + "\",op=\"" + op + "\"} ";
        return metrics(node).lines().filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(prefix.length()))).findFirst().orElseThrow();
    }

    private String metrics(String node) throws Exception {
        return cluster.send(node, "/metrics", HttpRequest.newBuilder().GET()).body();
    }
}
