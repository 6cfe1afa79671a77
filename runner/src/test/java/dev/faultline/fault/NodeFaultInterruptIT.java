package dev.faultline.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to the runner (a JVM of its own, as a user runs it) leaves no component process behind: not while a node is
 * paused (a stopped process cannot act on SIGTERM or on its stdin closing) and not while the target is still starting.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class NodeFaultInterruptIT {
    @TempDir
    Path dir;

    @Test
    void sigtermWhileANodeIsPausedAndAClockSkewedHealsBothAndLeavesNoProcessBehind() throws Exception {
        Process runner = startRunner(plan("interrupted", 2, ""
                + "  - { name: stop, at: 0s, pause: { node: n1 } }\n"
                + "  - { name: ahead, at: 0s, clock-skew: { node: n2, offset: 10s } }\n"));
        awaitWhileRunning(runner, () -> runner.descendants().anyMatch(NodeFaultInterruptIT::isStopped), 120);

        runner.destroy();

        assertThat(runner.waitFor(60, TimeUnit.SECONDS)).isTrue();
        await(() -> processesOfThisTest().isEmpty(), 20);
        JsonNode results = new ObjectMapper().readTree(dir.resolve("interrupted/results.json").toFile());
        assertThat(results.get("error").asText()).contains("interrupted");
        assertThat(results.get("faults")).hasSize(2).allSatisfy(f -> {
            assertThat(f.get("endMs").isNumber()).as(f.toString()).isTrue();
            assertThat(f.get("note").asText()).isEqualTo("healed when the run ended");
        });
        assertThat(results.at("/faultsHealed/leftovers")).as(results.get("faultsHealed").toString()).isEmpty();
        assertThat(results.at("/faultsHealed/verified").asBoolean()).isTrue();
    }

    @Test
    void sigtermWhileTheTargetIsStillStartingLeavesNoChildProcess() throws Exception {
        Process runner = startRunner(plan("starting", 3, "  - { at: 1s, for: 1s, pause: { node: n1 } }\n"));
        awaitWhileRunning(runner, () -> runner.descendants().findAny().isPresent(), 60);

        runner.destroy();

        assertThat(runner.waitFor(60, TimeUnit.SECONDS)).isTrue();
        await(() -> processesOfThisTest().isEmpty(), 30);
    }

    private Path plan(String name, int nodes, String faults) throws IOException {
        Path plan = dir.resolve(name + ".yaml");
        Files.writeString(plan, "name: " + name + "\n"
                + "target: { cluster: { isolation: process, store: { nodes: " + nodes + " } } }\n"
                + "load:\n"
                + "  warmup: 500ms\n"
                + "  stages: [ { duration: 60s, rate: 20/s } ]\n"
                + "  requests: [ { name: read, path: /kv/k, expect: [404] } ]\n"
                + "faults:\n"
                + faults
                + "report: { formats: [json] }\n");
        return plan;
    }

    private Process startRunner(Path plan) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.faultline.cli.Main",
                "run", plan.toString(), "--out", dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("runner.log").toFile())
                .start();
    }

    /** Every process on this machine whose command line names this test's folder: the runner's components. */
    private List<ProcessHandle> processesOfThisTest() {
        String folder = dir.toString();
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(line -> line.contains(folder)).orElse(false))
                .toList();
    }

    /** Linux: the process is stopped (state 'T' in /proc/PID/stat). */
    private static boolean isStopped(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 1).strip().startsWith("T");
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits for {@code condition}; fails with the runner's console if the runner ends first or it takes too long. */
    private void awaitWhileRunning(Process runner, BooleanSupplier condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (!runner.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError((runner.isAlive() ? "not within " + seconds + "s" : "the runner ended first")
                        + "; its console:\n" + Files.readString(dir.resolve("runner.log")));
            }
            Thread.sleep(20);
        }
    }

    private static void await(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + seconds + "s");
            }
            Thread.sleep(20);
        }
    }
}
