package dev.faultline.targets.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.cluster.launch.ComponentDescription;
import dev.faultline.cluster.launch.ComponentKind;
import dev.faultline.cluster.store.StoreNodeConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ComponentProcessIT {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<ComponentProcess> started = new ArrayList<>();

    @TempDir
    Path workDir;

    @AfterEach
    void stopAll() {
        started.forEach(ComponentProcess::close);
    }

    private static ComponentDescription store(String name, int port) {
        return new ComponentDescription(ComponentKind.STORE, new StoreNodeConfig(name, "127.0.0.1", port));
    }

    private ComponentProcess startStore(String name) {
        ComponentProcess process = ComponentProcess.start(store(name, 0), workDir);
        started.add(process);
        return process;
    }

    private HttpResponse<String> get(InetSocketAddress address, String path, Duration timeout)
            throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + address.getPort() + path);
        return http.send(HttpRequest.newBuilder(uri).timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean listening(InetSocketAddress address) {
        try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<ProcessHandle> liveChildren() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList();
    }

    @Test
    void componentsStartedTogetherEachRunAsTheirOwnProcessAndAnswer() throws Exception {
        List<ComponentProcess> nodes = ComponentProcesses.startAll(List.of(store("n1", 0), store("n2", 0)), workDir,
                ComponentProcess.START_TIMEOUT);
        started.addAll(nodes);
        for (ComponentProcess node : nodes) {
            assertThat(node.isAlive()).isTrue();
            assertThat(node.pid()).isNotEqualTo(ProcessHandle.current().pid());
            HttpResponse<String> health = get(node.address(), "/health", Duration.ofSeconds(5));
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.headers().firstValue("X-Node")).contains(node.name());
            assertThat(node.dataDir()).isEqualTo(workDir.resolve(node.name()));
            assertThat(Files.readString(node.dataDir().resolve(node.name() + ".out")))
                    .contains("READY " + node.name() + " " + node.address().getPort());
        }
        assertThat(nodes.get(0).address().getPort()).isNotEqualTo(nodes.get(1).address().getPort());
    }

    @Test
    void killLeavesThePortClosedAndRestartBringsTheNodeBackOnTheSamePortAndDirectory() throws Exception {
        ComponentProcess n1 = startStore("n1");
        InetSocketAddress address = n1.address();
        long firstPid = n1.pid();

        n1.kill();
        assertThat(n1.isAlive()).isFalse();
        assertThat(ProcessHandle.of(firstPid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThatThrownBy(() -> new Socket(address.getAddress(), address.getPort()).close())
                .isInstanceOf(ConnectException.class);

        n1.restart();
        assertThat(n1.isAlive()).isTrue();
        assertThat(n1.pid()).isNotEqualTo(firstPid);
        assertThat(n1.address()).isEqualTo(address);
        assertThat(n1.dataDir()).isEqualTo(workDir.resolve("n1"));
        assertThat(n1.description()).isEqualTo(store("n1", address.getPort()));
        assertThat(ComponentDescription.read(n1.dataDir().resolve("component.json")).port()).isEqualTo(address.getPort());
        assertThat(get(address, "/health", Duration.ofSeconds(5)).headers().firstValue("X-Node")).contains("n1");
    }

    @Test
    void aRestartOfARunningNodeStopsItFirst() throws Exception {
        ComponentProcess n1 = startStore("n1");
        long firstPid = n1.pid();
        n1.restart();
        assertThat(ProcessHandle.of(firstPid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(get(n1.address(), "/health", Duration.ofSeconds(5)).statusCode()).isEqualTo(200);
    }

    @Test
    void aPausedNodeAnswersNothingUntilResumed() throws Exception {
        ComponentProcess n1 = startStore("n1");
        n1.pause();
        assertThat(n1.isAlive()).isTrue();
        assertThatThrownBy(() -> get(n1.address(), "/health", Duration.ofMillis(800)))
                .isInstanceOf(HttpTimeoutException.class);
        n1.resume();
        assertThat(get(n1.address(), "/health", Duration.ofSeconds(5)).statusCode()).isEqualTo(200);
    }

    @Test
    void stoppingAPausedNodeEndsIt() {
        ComponentProcess n1 = startStore("n1");
        n1.pause();
        n1.stop();
        assertThat(n1.isAlive()).isFalse();
        assertThat(listening(n1.address())).isFalse();
    }

    @Test
    void aComponentThatCannotListenFailsWithItsNameAndLogAndLeavesNoProcessBehind() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            List<ComponentDescription> both = List.of(store("n1", 0), store("n2", taken.getLocalPort()));
            assertThatThrownBy(() -> ComponentProcesses.startAll(both, workDir, ComponentProcess.START_TIMEOUT))
                    .isInstanceOf(ComponentStartException.class)
                    .hasMessageContaining("n2 exited with status 1 before it was ready")
                    .hasMessageContaining("last lines of " + workDir.resolve("n2").resolve("n2.log"))
                    .hasMessageContaining("store n2 could not listen on 127.0.0.1:" + taken.getLocalPort());
        }
        assertThat(liveChildren()).isEmpty();
    }

    @Test
    void closingLeavesNoChildProcess() {
        ComponentProcess n1 = startStore("n1");
        ProcessHandle child = ProcessHandle.of(n1.pid()).orElseThrow();
        n1.close();
        n1.close();
        assertThat(child.isAlive()).isFalse();
        assertThat(liveChildren()).isEmpty();
    }

    @Test
    void aNewComponentStartsOnAnEmptyDirectoryAndARestartKeepsIt() throws Exception {
        Path leftover = Files.createDirectories(workDir.resolve("n1")).resolve("left-by-an-earlier-run");
        Files.writeString(leftover, "x");
        ComponentProcess n1 = startStore("n1");
        assertThat(leftover).doesNotExist();
        Path kept = n1.dataDir().resolve("written-while-running");
        Files.writeString(kept, "x");
        n1.restart();
        assertThat(kept).exists();
    }
}
