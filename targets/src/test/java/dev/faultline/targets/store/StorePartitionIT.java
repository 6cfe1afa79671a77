package dev.faultline.targets.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.cluster.store.Conflicts;
import dev.faultline.cluster.store.Consistency;
import dev.faultline.cluster.store.Durability;
import dev.faultline.targets.StoreSettings;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** CAP as a setting, shown on three store node processes partitioned {n1} | {n2, n3} through the fault proxy. */
@Timeout(120)
class StorePartitionIT {
    private static final List<String> NODES = List.of("n1", "n2", "n3");

    @TempDir
    Path workDir;

    @Test
    void partitionedEventualClusterAcceptsWritesOnBothSidesAndConvergesWithNoAcknowledgedElementMissing() throws Exception {
        StoreSettings eventual = new StoreSettings(3, Consistency.EVENTUAL, null, null, Conflicts.SET_UNION,
                Durability.NONE, Duration.ofMillis(200));
        try (StoreProcessCluster cluster = StoreProcessCluster.start(3, eventual, workDir)) {
            cluster.partition(Set.of("n1"));
            List<String> acknowledged = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                for (String node : NODES) {
                    String element = node + "-" + i;
                    HttpResponse<String> add = cluster.add(node, "cart", element);
                    assertThat(add.statusCode()).as("add %s on %s: %s", element, node, add.body()).isEqualTo(204);
                    acknowledged.add(element);
                }
            }
            assertThat(cluster.set("n1", "cart")).as("the minority side sees only its own writes")
                    .contains("n1-9").doesNotContain("n2-0", "n3-0");
            assertThat(cluster.set("n2", "cart")).as("the majority side does not see the minority's")
                    .contains("n2-9", "n3-9").doesNotContain("n1-0");

            cluster.heal();

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                for (String node : NODES) {
                    assertThat(cluster.set(node, "cart")).as("set at " + node).containsExactlyInAnyOrderElementsOf(acknowledged);
                }
                assertThat(cluster.digest("n1")).isEqualTo(cluster.digest("n2")).isEqualTo(cluster.digest("n3"));
            });
        }
    }

    @Test
    void partitionedQuorumClusterRefusesWritesOnTheMinorityWith503AndAcceptsThemOnTheMajority() throws Exception {
        StoreSettings quorum = new StoreSettings(3, Consistency.QUORUM, null, null, Conflicts.LWW, Durability.NONE,
                Duration.ofMillis(200));
        try (StoreProcessCluster cluster = StoreProcessCluster.start(3, quorum, workDir)) {
            for (String node : NODES) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        cluster.put(node, "warm-up", node).statusCode()).as("a fresh JVM's first writes").isEqualTo(204));
            }
            double writeFailuresBefore = quorumFailures(cluster, "write");
            double readFailuresBefore = quorumFailures(cluster, "read");
            cluster.partition(Set.of("n1"));

            HttpResponse<String> minorityWrite = cluster.put("n1", "balance", "100");
            HttpResponse<String> majorityWrite = cluster.put("n2", "balance", "200");
            HttpResponse<String> minorityRead = cluster.get("n1", "balance");
            HttpResponse<String> majorityRead = cluster.get("n3", "balance");

            assertThat(minorityWrite.statusCode()).isEqualTo(503);
            assertThat(minorityWrite.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/json"));
            assertThat(minorityWrite.body()).startsWith("{\"error\":\"quorum not reached: 1 of 2 write acks from [")
                    .contains("within 500ms");
            assertThat(majorityWrite.statusCode()).as(majorityWrite.body()).isEqualTo(204);
            assertThat(minorityRead.statusCode()).isEqualTo(503);
            assertThat(minorityRead.body()).contains("quorum not reached: 1 of 2 read answers");
            assertThat(majorityRead.statusCode()).isEqualTo(200);
            assertThat(majorityRead.body()).isEqualTo("200");
            assertThat(quorumFailures(cluster, "write") - writeFailuresBefore).as("n1's write quorum failures").isEqualTo(1.0);
            assertThat(quorumFailures(cluster, "read") - readFailuresBefore).as("n1's read quorum failures").isEqualTo(1.0);

            cluster.heal();

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                HttpResponse<String> healed = cluster.get("n1", "balance");
                assertThat(healed.statusCode()).isEqualTo(200);
                assertThat(healed.body()).as("the majority's later write wins once n1 is back").isEqualTo("200");
            });
        }
    }

    /** n1's {@code store_quorum_failures_total} for {@code op}, from its /metrics. */
    private static double quorumFailures(StoreProcessCluster cluster, String op) throws Exception {
        String prefix = "store_quorum_failures_total{node=\"n1\",op=\"" + op + "\"} ";
        return cluster.send("n1", "/metrics", HttpRequest.newBuilder().GET()).body().lines()
                .filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(prefix.length()))).findFirst().orElseThrow();
    }
}
