package dev.faultline.cluster.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Store nodes in child JVMs, killed with SIGKILL ({@link Process#destroyForcibly()}) and started again. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class CrashRecoveryIT {
    private static final int WRITES = 100;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;

    @TempDir
    Path dataDir;

    @AfterEach
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void crashedFsyncNodeRestartsWithEveryAcknowledgedWrite() throws Exception {
        StoreNodeConfig config = config(Durability.FSYNC, dataDir.toString());
        int port = start(config);
        for (int i = 0; i < WRITES; i++) {
            assertThat(put(port, "key-" + i, "value-" + i)).isEqualTo(204);
        }
        assertThat(delete(port, "key-0")).isEqualTo(204);

        crash();
        int restarted = start(config);

        for (int i = 1; i < WRITES; i++) {
            HttpResponse<String> read = get(restarted, "key-" + i);
            assertThat(read.statusCode()).as("key-%d after the crash", i).isEqualTo(200);
            assertThat(read.body()).isEqualTo("value-" + i);
        }
        assertThat(get(restarted, "key-0").statusCode()).as("the acknowledged delete survives too").isEqualTo(404);
    }

    @Test
    void crashedNodeWithoutDurabilityRestartsEmpty() throws Exception {
        StoreNodeConfig config = config(Durability.NONE, null);
        int port = start(config);
        for (int i = 0; i < 20; i++) {
            assertThat(put(port, "key-" + i, "value-" + i)).isEqualTo(204);
        }

        crash();
        int restarted = start(config);

        for (int i = 0; i < 20; i++) {
            assertThat(get(restarted, "key-" + i).statusCode()).as("key-%d after the crash", i).isEqualTo(404);
        }
    }

    private static StoreNodeConfig config(Durability durability, String dir) {
        return new StoreNodeConfig("n1", "127.0.0.1", 0, List.of(), 1, Consistency.EVENTUAL, null, null,
                Conflicts.LWW, durability, dir, null, null, null);
    }

    private int start(StoreNodeConfig config) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                StoreNodeTestMain.class.getName(), config.toJson())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("READY ")) {
                return Integer.parseInt(line.substring("READY ".length()).trim());
            }
        }
        throw new IOException("the store node process ended without printing READY; exit " + process.exitValue());
    }

    private void crash() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    }

    private int put(int port, String key, String value) throws Exception {
        return send(port, key, HttpRequest.newBuilder().PUT(BodyPublishers.ofString(value))).statusCode();
    }

    private int delete(int port, String key) throws Exception {
        return send(port, key, HttpRequest.newBuilder().DELETE()).statusCode();
    }

    private HttpResponse<String> get(int port, String key) throws Exception {
        return send(port, key, HttpRequest.newBuilder().GET());
    }

    private HttpResponse<String> send(int port, String key, HttpRequest.Builder request) throws Exception {
        return http.send(request.uri(URI.create("http://127.0.0.1:" + port + "/kv/" + key))
                .timeout(Duration.ofSeconds(5)).build(), BodyHandlers.ofString());
    }
}
