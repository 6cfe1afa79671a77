package dev.faultline.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A whole run against three instances of a service behind the bundled balancer, one of them crashed and restarted:
 * the project's plans/command-target-nodes.yaml, with the built jar's fault-proxy API as the service.
 */
@Timeout(180)
class CommandTargetNodesRunIT {
    private static final Path PLAN = Path.of("../plans/command-target-nodes.yaml");

    @TempDir
    Path out;

    private final StringWriter console = new StringWriter();

    /** The plan runs the built jar by a path from the project's root, so the command runs there ({@code dir: ..}). */
    private int run() {
        CommandLine cli = dev.faultline.cli.Main.commandLine();
        cli.setOut(new PrintWriter(console, true));
        cli.setErr(new PrintWriter(console, true));
        return cli.execute("run", PLAN.toString(), "--out", out.toString(), "--set", "target.command.dir=..");
    }

    /** The balancer's view of each instance's health (1 healthy, 0 not), per scrape, from results.json. */
    private static Map<String, List<Double>> healthByInstance(JsonNode results) {
        Map<String, List<Double>> health = new TreeMap<>();
        for (JsonNode series : results.at("/observations/metrics")) {
            if (series.path("component").asText().equals("lb")
                    && series.path("metric").asText().equals("balancer_backend_healthy")) {
                List<Double> values = new ArrayList<>();
                series.path("points").forEach(point -> values.add(point.get(1).asDouble()));
                health.put(series.at("/labels/backend").asText(), values);
            }
        }
        return health;
    }

    @Test
    void threeInstancesBehindTheBalancerSurviveACrashOfOneAndTheRunPasses() throws Exception {
        int exit = run();

        assertThat(exit).as(console.toString()).isZero();
        JsonNode results = new ObjectMapper().readTree(out.resolve("command-target-nodes/results.json").toFile());
        assertThat(results.at("/passed").asBoolean()).isTrue();
        assertThat(results.at("/target").asText()).startsWith("command api x3 behind lb: java");
        assertThat(results.at("/faults/0/name").asText()).isEqualTo("api2-down");
        assertThat(results.at("/faults/0/endMs").isNumber()).as("api2 restarted: the crash was healed").isTrue();
        assertThat(results.at("/faultsHealed/verified").asBoolean()).isTrue();
        Map<String, List<Double>> health = healthByInstance(results);
        assertThat(health).containsOnlyKeys("api1", "api2", "api3");
        assertThat(health.get("api2")).as("lb took the crashed api2 out").contains(0.0);
        Path cluster = out.resolve("command-target-nodes/cluster");
        for (String instance : List.of("api1", "api2", "api3")) {
            assertThat(Files.readString(cluster.resolve(instance).resolve(instance + ".out")))
                    .contains("fault proxy API listening on 127.0.0.1:");
        }
        assertThat(Files.readString(cluster.resolve("api2/api2.out")).lines()
                .filter(line -> line.startsWith("fault proxy API listening"))).as("started, then restarted").hasSize(2);
        assertThat(cluster.resolve("lb/lb.log")).exists();
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().orElse(""))
                .filter(line -> line.contains("faultline.jar proxy") || line.contains("ComponentMain"))).isEmpty();
    }
}
