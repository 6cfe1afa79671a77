package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code faultline cluster up} in a JVM of its own, stopped the way a user stops it: SIGTERM. */
@Timeout(60)
class ClusterUpIT {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process faultline;

    @TempDir
    Path dir;

    @AfterEach
    void killLeftover() {
        if (faultline != null) {
            faultline.destroyForcibly();
        }
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "cluster", "up"));
        command.addAll(List.of(args));
        faultline = new ProcessBuilder(command).redirectError(dir.resolve("stderr.log").toFile()).start();
        return faultline;
    }

    /** The {@code NAME URL} lines printed before {@code ready}. */
    private static Map<String, URI> readUntilReady(Process p) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Map<String, URI> components = new LinkedHashMap<>();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.equals("ready")) {
                return components;
            }
            String[] parts = line.split(" ");
            assertThat(parts).as(line).hasSize(2);
            components.put(parts[0], URI.create(parts[1]));
        }
        throw new AssertionError("faultline ended before 'ready'");
    }

    @Test
    void printsEveryComponentThenReadyAndStopsItsProcessesOnSigterm() throws Exception {
        Process p = start("--nodes", "2", "--dir", dir.resolve("cluster").toString());
        Map<String, URI> components = readUntilReady(p);

        assertThat(components.keySet()).containsExactly("lb", "n1", "n2", "fault-proxy");
        assertThat(components.values()).allSatisfy(uri -> assertThat(uri.toString()).startsWith("http://127.0.0.1:"));
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(components.get("lb").resolve("/kv/nothing"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).isEqualTo(404);
        HttpResponse<String> proxies = http.send(HttpRequest.newBuilder(components.get("fault-proxy").resolve("/proxies"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(proxies.body()).contains("lb-to-n1", "lb-to-n2");

        List<ProcessHandle> componentProcesses = p.descendants().filter(ProcessHandle::isAlive).toList();
        assertThat(componentProcesses).hasSize(3);

        p.destroy();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> componentProcesses.stream().noneMatch(ProcessHandle::isAlive));
        assertThat(dir.resolve("cluster/n1/n1.log")).exists();
    }

    @Test
    void inJvmIsolationStartsNoProcess() throws Exception {
        Process p = start("--isolation", "in-jvm");
        assertThat(readUntilReady(p).keySet()).containsExactly("lb", "n1", "fault-proxy");
        assertThat(p.descendants().filter(ProcessHandle::isAlive)).isEmpty();
        p.destroy();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }
}
