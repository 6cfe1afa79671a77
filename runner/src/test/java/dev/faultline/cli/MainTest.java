package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {
    @TempDir
    Path dir;

    private final CapturedCli cli = new CapturedCli();

    private int execute(String... args) {
        return cli.execute(args);
    }

    @Test
    void versionNamesFaultlineAndTheJava() {
        assertThat(execute("--version")).isZero();
        assertThat(cli.out()).startsWith("faultline ").contains("Java ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "validate", "proxy"})
    void everyCommandHasHelpListingTheExitCodes(String command) {
        assertThat(execute(command, "--help")).isZero();
        assertThat(cli.out()).contains("Usage: faultline " + command).contains("Exit codes:");
    }

    @Test
    void anUnknownOptionExitsTwo() {
        assertThat(execute("run", "--bogus", "plan.yaml")).isEqualTo(2);
        assertThat(cli.err()).contains("Unknown option: '--bogus'");
    }

    @Test
    void aMissingPlanFileExitsTwoNamingIt() {
        assertThat(execute("validate", dir.resolve("nope.yaml").toString())).isEqualTo(2);
        assertThat(cli.err()).contains("nope.yaml");
    }

    @Test
    void validateAcceptsTheQuickstartPlan() {
        assertThat(execute("validate", "../plans/quickstart.yaml")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("valid").contains("quickstart");
    }

    @Test
    void validateReportsAMisspelledKeyWithFileLineColumnAndSuggestion() throws Exception {
        Path plan = dir.resolve("typo.yaml");
        Files.writeString(plan, Files.readString(Path.of("../plans/quickstart.yaml")).replace("jitter: 5ms", "jiter: 5ms"));
        assertThat(execute("validate", plan.toString())).isEqualTo(2);
        String line = cli.err().lines().filter(l -> l.contains("jiter")).findFirst().orElseThrow();
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
