package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class MainTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void versionNamesFaultlineAndTheJava() {
        assertThat(execute("--version")).isZero();
        assertThat(out.toString()).startsWith("faultline ").contains("Java ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "validate", "proxy"})
    void everyCommandHasHelpListingTheExitCodes(String command) {
        assertThat(execute(command, "--help")).isZero();
        assertThat(out.toString()).contains("Usage: faultline " + command).contains("Exit codes:");
    }

    @Test
    void anUnknownOptionExitsTwo() {
        assertThat(execute("run", "--bogus", "plan.yaml")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--bogus'");
    }

    @Test
    void aMissingPlanFileExitsTwoNamingIt() {
        assertThat(execute("validate", dir.resolve("nope.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("nope.yaml");
    }

    @Test
    void validateAcceptsTheQuickstartPlan() {
        assertThat(execute("validate", "../plans/quickstart.yaml")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("valid").contains("quickstart");
    }

    @Test
    void validateReportsAMisspelledKeyWithFileLineColumnAndSuggestion() throws Exception {
        Path plan = dir.resolve("typo.yaml");
        Files.writeString(plan, Files.readString(Path.of("../plans/quickstart.yaml")).replace("jitter: 5ms", "jiter: 5ms"));
        assertThat(execute("validate", plan.toString())).isEqualTo(2);
        String line = err.toString().lines().filter(l -> l.contains("jiter")).findFirst().orElseThrow();
        assertThat(line).containsPattern("typo\\.yaml:\\d+:\\d+").contains("faults[0].latency").contains("'jitter'");
    }

    @Test
    void exitCodesAreTheDocumentedOnes() {
        assertThat(ExitCode.PASSED.code()).isZero();
        assertThat(ExitCode.CHECK_FAILED.code()).isEqualTo(1);
        assertThat(ExitCode.INVALID.code()).isEqualTo(2);
        assertThat(ExitCode.NOT_CARRIED_OUT.code()).isEqualTo(3);
        assertThat(ExitCode.CHECK_FAILED.worst(ExitCode.NOT_CARRIED_OUT)).isEqualTo(ExitCode.NOT_CARRIED_OUT);
        assertThat(ExitCode.CHECK_FAILED.worst(ExitCode.PASSED)).isEqualTo(ExitCode.CHECK_FAILED);
    }
}
