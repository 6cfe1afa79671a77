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

/**
 * The example crash-restart plan end to end through the CLI and PlanRun: a clock skew, a crash with restart and a pause
 * on a process-isolated quorum store; results.json shows each start and heal at its real time and nothing left over.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CrashRestartPlanIT {
    @TempDir
    Path out;

    @Test
    void theCrashRestartPlanRecordsEachStartAndHealAndLeavesEveryProcessRunning() throws Exception {
        StringWriter console = new StringWriter();
        CommandLine cli = dev.faultline.cli.Main.commandLine();
        cli.setOut(new PrintWriter(console, true));
        cli.setErr(new PrintWriter(console, true));

        int exit = cli.execute("run", "../plans/crash-restart.yaml", "--out", out.toString());

        JsonNode results = new ObjectMapper().readTree(out.resolve("crash-restart/results.json").toFile());
        assertThat(results.get("error").isNull()).as(console.toString()).isTrue();
        JsonNode faults = results.get("faults");
        assertThat(faults).hasSize(3);
        JsonNode skew = faults.get(0);
        JsonNode down = faults.get(1);
        JsonNode frozen = faults.get(2);
        assertThat(skew.get("type").asText()).isEqualTo("clock-skew");
        assertThat(skew.get("startMs").asLong()).isGreaterThanOrEqualTo(1_000);
        assertThat(skew.get("endMs").asLong() - skew.get("startMs").asLong()).isGreaterThanOrEqualTo(9_900);
        assertThat(down.get("type").asText()).isEqualTo("crash");
        assertThat(down.get("target").asText()).isEqualTo("n3");
        assertThat(down.get("startMs").asLong()).isGreaterThanOrEqualTo(2_000);
        assertThat(down.get("endMs").asLong() - down.get("startMs").asLong())
                .as("down for restart-after, then the time to start and answer /health").isGreaterThanOrEqualTo(2_000);
        assertThat(frozen.get("type").asText()).isEqualTo("pause");
        assertThat(frozen.get("endMs").asLong() - frozen.get("startMs").asLong()).isGreaterThanOrEqualTo(1_400);
        assertThat(faults).allSatisfy(f -> assertThat(f.has("note")).as(f.toString()).isFalse());
        assertThat(results.at("/faultsHealed/leftovers")).isEmpty();
        assertThat(results.at("/faultsHealed/verified").asBoolean()).isTrue();
        assertThat(out.resolve("crash-restart/cluster/n3/n3.log")).exists();
        assertThat(exit).as(console.toString()).isZero();
    }
}
