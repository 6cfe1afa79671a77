package dev.faultline.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.faults.network.HealCheck;
import dev.faultline.faults.proxy.FaultProxyServer;
import dev.faultline.plan.FaultSpec;
import dev.faultline.sample.RunClock;
import dev.faultline.targets.ReferenceClusterConfig;
import dev.faultline.targets.ReferenceClusterTarget;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every way a run can end heals its faults and leaves nothing on the fault proxy: a fault's time ending, an exception,
 * SIGTERM, and (through the lease) even SIGKILL of the runner. The last three use our fault proxy as an external one.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FaultHealIT {
    private static final FaultSpec.LatencyFault SLOW = new FaultSpec.LatencyFault("lb->n1", Duration.ofMillis(50), null);

    @TempDir
    Path dir;

    @Test
    void aFaultIsHealedWhenItsTimeEnds() throws Exception {
        try (ReferenceClusterTarget target = ReferenceClusterTarget.start(new ReferenceClusterConfig(1, null));
             FaultSchedule schedule = new FaultSchedule(List.of(FaultSpec.latency("slow", Duration.ZERO,
                     Duration.ofMillis(300), SLOW)), FaultTypes.into(target), RunClock.startNow(), e -> { })) {
            schedule.start();

            await(() -> !schedule.timeline().isEmpty() && schedule.timeline().get(0).endMs() != null, 5);

            assertThat(schedule.timeline().get(0).endMs()).isGreaterThanOrEqualTo(300);
            assertThat(target.linkFaults().verifyHealed()).isEqualTo(new HealCheck(true, List.of()));
        }
    }

    @Test
    void faultsAreHealedWhenTheRunFailsWithAnException() throws Exception {
        try (ReferenceClusterTarget target = ReferenceClusterTarget.start(new ReferenceClusterConfig(1, null))) {
            FaultSchedule escaped = null;
            try (FaultSchedule schedule = new FaultSchedule(List.of(FaultSpec.latency("slow", Duration.ZERO, null, SLOW)),
                    FaultTypes.into(target), RunClock.startNow(), e -> { })) {
                escaped = schedule;
                schedule.start();
                await(() -> !schedule.activeNames().isEmpty(), 5);
                assertThat(target.linkFaults().verifyHealed().verified()).isFalse();
                throw new IllegalStateException("a check aborted the run");
            } catch (IllegalStateException expected) {
                assertThat(expected).hasMessage("a check aborted the run");
            }

            assertThat(escaped.timeline().get(0).endMs()).isNotNull();
            assertThat(target.linkFaults().verifyHealed()).isEqualTo(new HealCheck(true, List.of()));
        }
    }

    @Test
    void aPlanRunsItsLinksThroughAnExternalFaultProxyAndLeavesNothingThere() throws Exception {
        try (FaultProxyServer external = FaultProxyServer.start("127.0.0.1", 0)) {
            Path plan = plan(external, "4s", "{ name: slow, at: 1s, for: 1s, latency: { link: \"lb->n1\", delay: 20ms } }");
            StringWriter console = new StringWriter();
            CommandLine cli = dev.faultline.cli.Main.commandLine();
            cli.setOut(new PrintWriter(console, true));
            cli.setErr(new PrintWriter(console, true));

            int exit = cli.execute("run", plan.toString(), "--out", dir.toString());

            assertThat(exit).as(console.toString()).isZero();
            JsonNode results = results();
            assertThat(results.at("/faultsHealed/verified").asBoolean()).isTrue();
            assertThat(results.at("/faultsHealed/leftovers")).isEmpty();
            assertThat(results.get("target").asText()).contains("fault proxy http://127.0.0.1:" + external.apiPort());
            assertThat(results.at("/faults/0/endMs").asLong()).isGreaterThanOrEqualTo(2000);
            assertThat(client(external).getProxies()).isEmpty();
        }
    }

    @Test
    void sigtermHealsTheFaultsAndWritesTheResults() throws Exception {
        try (FaultProxyServer external = FaultProxyServer.start("127.0.0.1", 0)) {
            Process runner = startRunner(external);
            ToxiproxyClient proxy = client(external);
            await(() -> anyToxic(proxy), 40);

            runner.destroy();

            assertThat(runner.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(proxy.getProxies()).isEmpty();
            assertThat(results().at("/faultsHealed/verified").asBoolean()).isTrue();
            assertThat(results().get("error").asText()).contains("interrupted");
        }
    }

    @Test
    void whenTheRunnerIsKilledTheLeaseLapsesAndTheProxyHealsItself() throws Exception {
        try (FaultProxyServer external = FaultProxyServer.start("127.0.0.1", 0)) {
            Process runner = startRunner(external);
            ToxiproxyClient proxy = client(external);
            await(() -> anyToxic(proxy), 40);

            runner.destroyForcibly();
            assertThat(runner.waitFor(30, TimeUnit.SECONDS)).isTrue();

            await(() -> !anyToxic(proxy), 20);
            await(() -> allEnabled(proxy), 5);
            List<Proxy> left = proxy.getProxies();
            assertThat(left).isNotEmpty().allSatisfy(p -> {
                assertThat(p.getName()).startsWith("fl-");
                assertThat(p.isEnabled()).isTrue();
            });
        }
    }

    private Path plan(FaultProxyServer external, String duration, String fault) throws Exception {
        Path plan = dir.resolve("external.yaml");
        Files.writeString(plan, "name: external\n"
                + "target:\n"
                + "  cluster: { store: { nodes: 1 } }\n"
                + "  fault-proxy: http://127.0.0.1:" + external.apiPort() + "\n"
                + "load:\n"
                + "  warmup: 500ms\n"
                + "  stages: [ { duration: " + duration + ", rate: 20/s } ]\n"
                + "  requests: [ { name: read, path: /kv/k, expect: [404] } ]\n"
                + "faults:\n"
                + "  - " + fault + "\n"
                + "report: { formats: [json] }\n");
        return plan;
    }

    /** The runner in a JVM of its own, with a partition that lasts until the run ends. */
    private Process startRunner(FaultProxyServer external) throws Exception {
        Path plan = plan(external, "60s", "{ name: split, at: 0s, partition: { groups: [[lb], [n1]] } }");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.faultline.cli.Main",
                "run", plan.toString(), "--out", dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("runner.log").toFile())
                .start();
    }

    private JsonNode results() throws Exception {
        File file = dir.resolve("external/results.json").toFile();
        return new ObjectMapper().readTree(file);
    }

    private static ToxiproxyClient client(FaultProxyServer server) {
        return new ToxiproxyClient("127.0.0.1", server.apiPort());
    }

    /** Whether any proxy has a toxic (a partition's blackhole is in place). */
    private static boolean anyToxic(ToxiproxyClient client) {
        try {
            for (Proxy p : client.getProxies()) {
                if (!p.toxics().getAll().isEmpty()) {
                    return true;
                }
            }
            return false;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean allEnabled(ToxiproxyClient client) {
        try {
            return client.getProxies().stream().allMatch(Proxy::isEnabled);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void await(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + seconds + "s");
            }
            Thread.sleep(50);
        }
    }
}
