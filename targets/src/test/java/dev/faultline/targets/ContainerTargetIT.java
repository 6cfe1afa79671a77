package dev.faultline.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container target against a real Docker engine, with the slim JRE image that {@code .ci/setup-docker.sh} builds
 * locally. Skipped, saying why, when there is no engine or no image.
 */
@Timeout(120)
class ContainerTargetIT {
    static final String IMAGE = "local/jre17:slim";
    private static final String CLASSES = "/app/classes";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    @TempDir
    Path workDir;

    @BeforeAll
    static void dockerAndTheImageAreHere() {
        Optional<String> unavailable = DockerEngine.unavailableReason(IMAGE);
        assumeTrue(unavailable.isEmpty(), () -> "skipped: " + unavailable.orElse(""));
    }

    @AfterEach
    void noContainerIsLeft() {
        assertThat(DockerEngine.client().listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of(ContainerTarget.LABEL)).exec()).isEmpty();
    }

    private ContainerTargetConfig hello(String image) throws Exception {
        Path app = Path.of(HelloServer.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(HelloServer.class.getPackageName().replace('.', '/'));
        return new ContainerTargetConfig("app", image, List.of(8080), Map.of("APP_NAME", "box"),
                List.of("java", "-Xmx32m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", CLASSES,
                        HelloServer.class.getName(), "8080", "0.0.0.0"),
                Map.of(CLASSES + "/" + HelloServer.class.getPackageName().replace('.', '/'), app),
                "/health", Duration.ofSeconds(60), workDir, null);
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(1)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theContainerAnswersThroughTheFaultProxyAndALatencyFaultOnItsLinkSlowsIt() throws Exception {
        try (ContainerTarget target = ContainerTarget.start(hello(IMAGE))) {
            assertThat(target.links()).containsOnlyKeys("client->app");
            assertThat(target.components().get("app").kind()).isEqualTo(Component.Kind.SERVICE);
            URI hello = target.serviceUri().resolve("/hello");
            assertThat(get(hello).body()).isEqualTo("hello from box");

            try (FaultHandle slow = target.linkFaults().latency(target.links().get("client->app"),
                    Duration.ofMillis(300), Duration.ZERO)) {
                long start = System.nanoTime();
                assertThat(get(hello).statusCode()).isEqualTo(200);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            }
            assertThat(target.verifyHealed().verified()).isTrue();
        }
        assertThat(Files.readString(workDir.resolve("app/app.log"))).contains("listening on 8080", "log line from box");
    }

    @Test
    void aPauseThroughTheDockerApiStopsAnswersUntilTheContainerIsResumed() throws Exception {
        try (ContainerTarget target = ContainerTarget.start(hello(IMAGE))) {
            ProcessControl control = target.components().get("app").processControl().orElseThrow();
            URI hello = target.serviceUri().resolve("/hello");
            control.pause();
            assertThat(control.isAlive()).isTrue();
            assertThatThrownBy(() -> get(hello)).isInstanceOf(IOException.class);
            control.resume();
            assertThat(get(hello).body()).isEqualTo("hello from box");
        }
    }

    @Test
    void aKilledContainerRestartsOnTheSamePortBehindTheSameLink() throws Exception {
        try (ContainerTarget target = ContainerTarget.start(hello(IMAGE))) {
            ProcessControl control = target.components().get("app").processControl().orElseThrow();
            URI hello = target.serviceUri().resolve("/hello");
            long firstPid = control.pid();
            control.kill();
            assertThat(control.isAlive()).isFalse();
            assertThatThrownBy(() -> get(hello)).isInstanceOf(IOException.class);

            control.restart();
            assertThat(control.isAlive()).isTrue();
            assertThat(control.pid()).isNotEqualTo(firstPid);
            assertThat(get(hello).body()).isEqualTo("hello from box");
        }
    }

    @Test
    void aDisconnectedContainerIsUnreachableUntilItIsReconnected() throws Exception {
        try (ContainerTarget target = ContainerTarget.start(hello(IMAGE))) {
            URI hello = target.serviceUri().resolve("/hello");
            target.disconnect();
            assertThatThrownBy(() -> get(hello)).isInstanceOf(IOException.class);
            target.reconnect();
            assertThat(get(hello).body()).isEqualTo("hello from box");
        }
    }

    @Test
    void anImageThatIsNotOnTheEngineFailsTheStartAtOnceWithoutAPull() throws Exception {
        assertThatThrownBy(() -> ContainerTarget.start(hello("local/no-such-image:1")))
                .isInstanceOf(TargetStartException.class)
                .hasMessageContaining("image local/no-such-image:1 is not on the Docker engine");
    }
}
