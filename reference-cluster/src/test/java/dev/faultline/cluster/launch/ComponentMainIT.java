package dev.faultline.cluster.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.cluster.store.StoreNodeConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class ComponentMainIT {
    @TempDir
    Path dir;

    private Process process;

    @AfterEach
    void killLeftover() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    private Process launch(String descriptionJson) throws IOException {
        Path file = dir.resolve("component.json");
        Files.writeString(file, descriptionJson);
        String java = ProcessHandle.current().info().command().orElseThrow();
        process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                ComponentMain.class.getName(), file.toString()))
                .redirectError(dir.resolve("stderr.log").toFile())
                .start();
        return process;
    }

    private static String storeJson(String name) {
        return new ComponentDescription(ComponentKind.STORE, new StoreNodeConfig(name, "127.0.0.1", 0)).toJson();
    }

    /** The first stdout line: {@code READY <name> <port>}. */
    private static String[] readyLine(Process p) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        return out.readLine().split(" ");
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void printsOneReadyLineWithTheRealPortOnceListening() throws Exception {
        Process p = launch(storeJson("n7"));
        String[] ready = readyLine(p);
        assertThat(ready).hasSize(3);
        assertThat(ready[0]).isEqualTo("READY");
        assertThat(ready[1]).isEqualTo("n7");
        assertThat(listening(Integer.parseInt(ready[2]))).isTrue();
    }

    @Test
    void exitsWhenItsStdinEnds() throws Exception {
        Process p = launch(storeJson("n1"));
        int port = Integer.parseInt(readyLine(p)[2]);
        p.getOutputStream().close();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(listening(port)).isFalse();
    }

    @Test
    void stopsCleanlyOnSigterm() throws Exception {
        Process p = launch(storeJson("n1"));
        int port = Integer.parseInt(readyLine(p)[2]);
        p.destroy();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(listening(port)).isFalse();
        assertThat(Files.readString(dir.resolve("stderr.log"))).doesNotContain("Exception");
    }

    @Test
    void aBadDescriptionExitsWithStatus2AndSaysWhy() throws Exception {
        Process p = launch("{\"kind\": \"cache\", \"config\": {}}");
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("stderr.log"))).contains("unknown component kind 'cache'");
    }
}
