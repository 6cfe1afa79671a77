package dev.faultline.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.faults.network.FaultHandle;
import dev.faultline.targets.testapp.HelloServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(90)
class CommandTargetIT {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    @TempDir
    Path workDir;

    static List<String> helloServer(String port) throws Exception {
        Path classes = Path.of(HelloServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String java = ProcessHandle.current().info().command().orElseThrow();
        return List.of(java, "-Xmx32m", "-XX:TieredStopAtLevel=1", "-cp", classes.toString(),
                HelloServer.class.getName(), port);
    }

    private CommandTargetConfig config(List<String> command, String ready, Duration readyTimeout) {
        return new CommandTargetConfig("app", command, Map.of("APP_NAME", "${name}"), 0, ready, readyTimeout, null,
                workDir, null);
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(1)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theServiceAnswersThroughItsLinkAndALatencyFaultOnTheLinkSlowsIt() throws Exception {
        try (CommandTarget target = CommandTarget.start(config(helloServer("${port}"), "/health", Duration.ofSeconds(30)))) {
            assertThat(target.links()).containsOnlyKeys("client->app");
            assertThat(target.components()).containsOnlyKeys("fault-proxy", "app");
            assertThat(target.components().get("app").kind()).isEqualTo(Component.Kind.SERVICE);
            URI hello = target.serviceUri().resolve("/hello");
            assertThat(target.serviceUri().getPort()).isNotEqualTo(target.components().get("app").address().getPort());
            assertThat(get(hello).body()).isEqualTo("hello from app");

            try (FaultHandle slow = target.linkFaults().latency(target.links().get("client->app"),
                    Duration.ofMillis(300), Duration.ZERO)) {
                long start = System.nanoTime();
                assertThat(get(hello).statusCode()).isEqualTo(200);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            }
            assertThat(target.verifyHealed().verified()).isTrue();
            assertThat(Files.readString(workDir.resolve("app/app.out"))).contains("listening on");
            assertThat(Files.readString(workDir.resolve("app/app.log"))).contains("log line from app");
        }
    }

    @Test
    void aCrashKillsTheServiceAndARestartBringsItBackBehindTheSameLink() throws Exception {
        try (CommandTarget target = CommandTarget.start(config(helloServer("${port}"), "/health", Duration.ofSeconds(30)))) {
            ProcessControl control = target.components().get("app").processControl().orElseThrow();
            URI hello = target.serviceUri().resolve("/hello");
            long firstPid = control.pid();

            control.kill();
            assertThat(control.isAlive()).isFalse();
            assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
            assertThatThrownBy(() -> get(hello)).isInstanceOf(IOException.class);

            control.restart();
            assertThat(control.pid()).isNotEqualTo(firstPid);
            assertThat(get(hello).body()).isEqualTo("hello from app");
        }
    }

    @Test
    void aPausedServiceAnswersNothingUntilItIsResumed() throws Exception {
        try (CommandTarget target = CommandTarget.start(config(helloServer("${port}"), "/health", Duration.ofSeconds(30)))) {
            ProcessControl control = target.components().get("app").processControl().orElseThrow();
            URI hello = target.serviceUri().resolve("/hello");
            control.pause();
            assertThatThrownBy(() -> get(hello)).isInstanceOf(IOException.class);
            control.resume();
            assertThat(get(hello).body()).isEqualTo("hello from app");
        }
    }

    @Test
    void closingStopsTheWholeProcessTreeBehindAShellWrapper() throws Exception {
        String java = String.join(" ", helloServer("$PORT"));
        List<ProcessHandle> tree = new ArrayList<>();
        CommandTargetConfig wrapped = new CommandTargetConfig("app", List.of("sh", "-c", java),
                Map.of("PORT", "${port}"), 0, null, Duration.ofSeconds(30), null, workDir, null);
        try (CommandTarget target = CommandTarget.start(wrapped)) {
            ProcessHandle shell = ProcessHandle.of(target.process().pid()).orElseThrow();
            tree.add(shell);
            tree.addAll(shell.descendants().toList());
            assertThat(tree).hasSizeGreaterThanOrEqualTo(2);
            assertThat(get(target.serviceUri().resolve("/hello")).statusCode()).isEqualTo(200);
        }
        assertThat(tree).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void aServiceThatIsNeverReadyFailsTheStartQuotingItsOutputAndIsStopped() {
        List<String> stuck = List.of("sh", "-c", "echo starting on $PORT; echo 'config file not found' >&2; exec sleep 60");
        CommandTargetConfig config = new CommandTargetConfig("app", stuck, Map.of("PORT", "${port}"), 0, "/health",
                Duration.ofSeconds(2), null, workDir, null);
        assertThatThrownBy(() -> CommandTarget.start(config))
                .isInstanceOf(TargetStartException.class)
                .hasMessageContaining("app was not ready within 2 s")
                .hasMessageContaining("config file not found");
        assertThat(ProcessHandle.current().descendants().filter(p -> p.info().command().orElse("").endsWith("sleep")))
                .isEmpty();
    }

    @Test
    void aServiceThatExitsBeforeItIsReadyFailsTheStartWithItsStatus() {
        List<String> failing = List.of("sh", "-c", "echo 'port ${port} is taken' >&2; exit 3");
        CommandTargetConfig config = new CommandTargetConfig("app", failing, Map.of(), 0, null, Duration.ofSeconds(10),
                null, workDir, null);
        assertThatThrownBy(() -> CommandTarget.start(config))
                .isInstanceOf(TargetStartException.class)
                .hasMessageContaining("app exited with status 3 before it was ready")
                .hasMessageContaining("is taken");
    }
}
