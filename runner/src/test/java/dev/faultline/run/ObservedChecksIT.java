package dev.faultline.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A set workload against three in-JVM store nodes with a partition: what the run observes, and the checks on it. */
@Timeout(240)
class ObservedChecksIT {
    private static final Path PLAN = Path.of("src/test/resources/plans/observed-set.yaml");

    @TempDir
    Path out;

    private final StringWriter console = new StringWriter();

    private JsonNode run(String... sets) throws Exception {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("run", PLAN.toString(), "--out",
                out.toString()));
        for (String set : sets) {
            args.add("--set");
            args.add(set);
        }
        CommandLine cli = dev.faultline.cli.Main.commandLine();
        cli.setOut(new PrintWriter(console, true));
        cli.setErr(new PrintWriter(console, true));
        cli.execute(args.toArray(String[]::new));
        return new ObjectMapper().readTree(out.resolve("observed-set").resolve("results.json").toFile());
    }

    /**
     * What is observed, not whether the cluster coped: on a shared, heavily loaded machine an in-JVM cluster may time
     * out most requests, so whether the replicas converged in time is not something this test can promise.
     */
    @Test
    void aRunObservesDigestsReplicasReadsAndScrapedBreakerStateAndJudgesThem() throws Exception {
        JsonNode results = run();
        assertThat(results.path("error").isNull()).as(console.toString()).isTrue();
        JsonNode convergence = results.at("/observations/convergence");
        assertThat(convergence.get("polls").size()).as(console.toString()).isPositive();
        assertThat(convergence.get("fromMs").asLong()).as("the split's heal").isGreaterThanOrEqualTo(2_500);
        assertThat(results.at("/observations/replicas/checked").asLong()).as("3 replicas of every acknowledged element")
                .isEqualTo(3 * results.at("/observations/replicas/acknowledged").asLong());
        assertThat(results.at("/checks/0/type").asText()).isEqualTo("convergence");
        assertThat(results.at("/checks/0/passed").asBoolean())
                .isEqualTo(convergence.get("convergedAtMs").isNumber()
                        && convergence.get("convergedAtMs").asLong() - convergence.get("fromMs").asLong() <= 5_000);
        assertThat(results.at("/checks/1/type").asText()).isEqualTo("lost-writes");
        assertThat(results.at("/checks/1/observed").asLong())
                .isEqualTo(results.at("/observations/replicas/missingCount").asLong());
        assertThat(results.at("/checks/2/type").asText()).isEqualTo("stale-reads");
        boolean breakerScraped = false;
        for (JsonNode series : results.at("/observations/metrics")) {
            breakerScraped |= series.get("component").asText().equals("lb")
                    && series.get("metric").asText().equals("balancer_breaker_state")
                    && series.get("points").size() >= 1 && series.at("/points/0").size() == 2;
        }
        assertThat(breakerScraped).as("the balancer's breaker state, scraped once a second").isTrue();
    }
}
