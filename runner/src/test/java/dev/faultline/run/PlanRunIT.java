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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Whole runs of plans against the in-JVM reference cluster, through the command line. */
@Timeout(60)
class PlanRunIT {
    private static final Path SHORT = Path.of("src/test/resources/plans/short-with-fault.yaml");

    @TempDir
    Path out;

    private final StringWriter console = new StringWriter();

    private int run(Path plan, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", plan.toString(), "--out", out.toString()));
        args.addAll(List.of(extra));
        CommandLine cli = dev.faultline.cli.Main.commandLine();
        cli.setOut(new PrintWriter(console, true));
        cli.setErr(new PrintWriter(console, true));
        return cli.execute(args.toArray(String[]::new));
    }

    private JsonNode results(String plan) throws Exception {
        return new ObjectMapper().readTree(out.resolve(plan).resolve("results.json").toFile());
    }

    @Test
    void quickstartPlanPassesAndWritesItsReport() throws Exception {
        int exit = run(Path.of("../plans/quickstart.yaml"), "--set", "load.stages[0].duration=7s");
        assertThat(exit).as(console.toString()).isZero();
        JsonNode results = results("quickstart");
        assertThat(results.get("passed").asBoolean()).isTrue();
        assertThat(results.at("/load/sent").asLong()).isGreaterThan(1300);
        assertThat(out.resolve("quickstart/junit.xml")).exists();
        assertThat(out.resolve("quickstart/latency.hlog")).exists();
        assertThat(console.toString()).contains("PASSED  quickstart: 4 of 4 checks held");
    }

    @Test
    void latencyFaultShowsInItsWindowAndIsHealedAfterIt() throws Exception {
        assertThat(run(SHORT)).as(console.toString()).isZero();
        JsonNode results = results("short-with-fault");
        JsonNode fault = results.at("/faults/0");
        assertThat(fault.get("name").asText()).isEqualTo("slow-store");
        assertThat(fault.get("startMs").asLong()).isBetween(1500L, 2500L);
        assertThat(fault.get("endMs").asLong()).isGreaterThanOrEqualTo(3000L);
        JsonNode during = results.at("/checks/1");
        assertThat(during.get("window").asText()).isEqualTo("slow-store");
        assertThat(during.get("observed").asDouble()).as("p50 of read while the link is slow").isGreaterThanOrEqualTo(55);
        assertThat(results.at("/checks/0/observed").asDouble()).as("p50 of read before the fault")
                .isLessThan(during.get("observed").asDouble());
    }

    @Test
    void anImpossibleLatencyBudgetExitsOneAndSaysWhichCheckFailedAndByHowMuch() throws Exception {
        int exit = run(SHORT, "--set", "checks[0].latency.p50=1us");
        assertThat(exit).isEqualTo(1);
        assertThat(console.toString())
                .contains("FAIL  latency read p50")
                .containsPattern("p50 of 'read' in 'steady' was [0-9.]+ms, limit 0.001ms \\(over by [0-9.]+ms\\)")
                .contains("FAILED  short-with-fault: 2 of 3 checks held");
        JsonNode check = results("short-with-fault").at("/checks/0");
        assertThat(check.get("passed").asBoolean()).isFalse();
        assertThat(check.get("limit").asDouble()).isEqualTo(0.001);
    }

    @Test
    void aMisspelledKeyExitsTwoBeforeAnythingStarts() throws Exception {
        Path plan = out.resolve("typo.yaml");
        Files.writeString(plan, Files.readString(SHORT).replace("jitter: 5ms", "jiter: 5ms"));
        assertThat(run(plan)).isEqualTo(2);
        assertThat(console.toString()).contains("typo.yaml:").contains("jiter").contains("jitter");
        assertThat(out.resolve("short-with-fault")).doesNotExist();
    }

    @Test
    void aPlanRunsAgainstAClusterOfProcessesAndLeavesNoneBehind() throws Exception {
        int exit = run(Path.of("src/test/resources/plans/short-with-processes.yaml"));
        assertThat(exit).as(console.toString()).isZero();
        JsonNode results = results("short-with-processes");
        assertThat(results.at("/checks/0/observed").asDouble()).as("p50 of read while lb->n1 is slow").isGreaterThanOrEqualTo(55);
        assertThat(console.toString()).contains("one process each");
        assertThat(out.resolve("short-with-processes/cluster/n1/n1.log")).exists();
        assertThat(out.resolve("short-with-processes/cluster/lb/component.json")).exists();
        List<String> sampled = new ArrayList<>();
        results.path("resources").forEach(r -> {
            sampled.add(r.path("component").asText());
            assertThat(r.at("/points/0/rssBytes").asLong()).as("resident memory of %s", r).isPositive();
            assertThat(r.at("/points/0/diskBytes").asLong()).as("its folder holds at least its component.json").isPositive();
        });
        assertThat(sampled).as("every process of the run is sampled").containsExactlyInAnyOrder("lb", "n1");
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
    }
}
