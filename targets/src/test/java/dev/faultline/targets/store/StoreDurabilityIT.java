package dev.faultline.targets.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.cluster.store.Durability;
import dev.faultline.targets.ProcessControl;
import dev.faultline.targets.StoreSettings;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lone store node process, crashed with kill -9 through its {@link ProcessControl} and restarted on the same port
 * and data directory, once per {@code durability}.
 */
@Timeout(120)
class StoreDurabilityIT {
    private static final int WRITES = 100;

    @TempDir
    Path workDir;

    @Test
    void crashedFsyncNodeRestartsWithEveryAcknowledgedWrite() throws Exception {
        try (StoreProcessCluster cluster = start(Durability.FSYNC)) {
            for (int i = 0; i < WRITES; i++) {
                assertThat(cluster.put("n1", "key-" + i, "value-" + i).statusCode()).isEqualTo(204);
            }
            assertThat(cluster.send("n1", "/kv/key-0", HttpRequest.newBuilder().DELETE()).statusCode()).isEqualTo(204);
            assertThat(logText(cluster)).as("acknowledged means already in the log").contains("key-" + (WRITES - 1));

            crashAndRestart(cluster);

            for (int i = 1; i < WRITES; i++) {
                HttpResponse<String> read = cluster.get("n1", "key-" + i);
                assertThat(read.statusCode()).as("key-%d after the crash", i).isEqualTo(200);
                assertThat(read.body()).isEqualTo("value-" + i);
            }
            assertThat(cluster.get("n1", "key-0").statusCode()).as("the acknowledged delete survives too").isEqualTo(404);
        }
    }

    @Test
    void crashedNodeWithoutDurabilityRestartsWithoutItsAcknowledgedWrites() throws Exception {
        try (StoreProcessCluster cluster = start(Durability.NONE)) {
            for (int i = 0; i < 20; i++) {
                assertThat(cluster.put("n1", "key-" + i, "value-" + i).statusCode()).isEqualTo(204);
            }
            assertThat(cluster.get("n1", "key-0").statusCode()).isEqualTo(200);

            crashAndRestart(cluster);

            for (int i = 0; i < 20; i++) {
                assertThat(cluster.get("n1", "key-" + i).statusCode()).as("key-%d after the crash", i).isEqualTo(404);
            }
        }
    }

    /**
     * {@code async} acknowledges before logging; the background writer writes and forces what is waiting every
     * 100 ms. What a kill -9 then keeps is what the writer has written, shown here by waiting until the log holds
     * the last write before crashing. (What it can lose, the writes of the last flush interval, is a race no test
     * can pin down without hooks in the node.)
     */
    @Test
    void crashedAsyncNodeRestartsWithTheWritesItsBackgroundWriterHadLogged() throws Exception {
        try (StoreProcessCluster cluster = start(Durability.ASYNC)) {
            for (int i = 0; i < WRITES; i++) {
                assertThat(cluster.put("n1", "key-" + i, "value-" + i).statusCode()).isEqualTo(204);
            }
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(logText(cluster)).contains("key-" + (WRITES - 1)));

            crashAndRestart(cluster);

            for (int i = 0; i < WRITES; i++) {
                HttpResponse<String> read = cluster.get("n1", "key-" + i);
                assertThat(read.statusCode()).as("key-%d after the crash", i).isEqualTo(200);
                assertThat(read.body()).isEqualTo("value-" + i);
            }
        }
    }

    private StoreProcessCluster start(Durability durability) {
        return StoreProcessCluster.start(1, new StoreSettings(1, null, null, null, null, durability, null), workDir);
    }

    private static void crashAndRestart(StoreProcessCluster cluster) {
        ProcessControl n1 = cluster.process("n1");
        long crashed = n1.pid();
        n1.kill();
        assertThat(n1.isAlive()).isFalse();
        n1.restart();
        assertThat(n1.pid()).as("a new process").isNotEqualTo(crashed);
    }

    /** The node's write-ahead log, as Latin-1 text so keys can be looked for in it. */
    private static String logText(StoreProcessCluster cluster) throws Exception {
        Path log = cluster.process("n1").dataDir().resolve("data").resolve("wal.log");
        return Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1) : "";
    }
}
