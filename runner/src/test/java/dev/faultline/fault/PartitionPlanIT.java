package dev.faultline.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The example partition plan end to end: requests to the cut-off node fail only while the partition lasts. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PartitionPlanIT {
    @TempDir
    Path out;

    @Test
    void thePartitionPlanFailsRequestsToTheCutOffNodeOnlyDuringTheSplit() throws Exception {
        StringWriter console = new StringWriter();
        CommandLine cli = dev.faultline.cli.Main.commandLine();
        cli.setOut(new PrintWriter(console, true));
        cli.setErr(new PrintWriter(console, true));

        int exit = cli.execute("run", "../plans/partition.yaml", "--out", out.toString());

        assertThat(exit).as(console.toString()).isZero();
        JsonNode results = new ObjectMapper().readTree(out.resolve("partition/results.json").toFile());
        assertThat(results.at("/faults/0/type").asText()).isEqualTo("partition");
        assertThat(results.at("/faults/0/target").asText()).isEqualTo("[client, lb, n1] | [n2]");
        assertThat(results.at("/requests/read/errors/5xx").asLong()).as("502s while n2 is cut off").isPositive();
        assertThat(results.at("/faultsHealed/verified").asBoolean()).isTrue();
        assertThat(console.toString()).contains("healed    every fault");
    }
}
