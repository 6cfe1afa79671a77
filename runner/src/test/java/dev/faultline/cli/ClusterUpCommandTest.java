package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The refusals of {@code faultline cluster up}; they come before anything starts. */
class ClusterUpCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void helpListsTheOptionsAndExitCodes() {
        assertThat(execute("cluster", "up", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: faultline cluster up", "--nodes", "--isolation", "Exit codes:");
    }

    @Test
    void tooManyNodesExitTwoSayingTheLimit() {
        assertThat(execute("cluster", "up", "--nodes", "40")).isEqualTo(2);
        assertThat(err.toString()).contains("target.cluster.store").contains("nodes must lie between 1 and 32, not 40");
        assertThat(out.toString()).doesNotContain("ready");
    }

    @Test
    void anUnknownIsolationExitsTwoListingTheKnownOnes() {
        assertThat(execute("cluster", "up", "--isolation", "vm")).isEqualTo(2);
        assertThat(err.toString()).contains("target.cluster.isolation").contains("in-jvm, process");
    }
}
