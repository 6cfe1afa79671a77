package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The refusals of {@code faultline cluster up}; they come before anything starts. */
class ClusterUpCommandTest {
    private final CapturedCli cli = new CapturedCli();

    private int execute(String... args) {
        return cli.execute(args);
    }

    @Test
    void helpListsTheOptionsAndExitCodes() {
        assertThat(execute("cluster", "up", "--help")).isZero();
        assertThat(cli.out()).contains("Usage: faultline cluster up", "--nodes", "--isolation", "Exit codes:");
    }

    @Test
    void tooManyNodesExitTwoSayingTheLimit() {
        assertThat(execute("cluster", "up", "--nodes", "40")).isEqualTo(2);
        assertThat(cli.err()).contains("target.cluster.store").contains("nodes must lie between 1 and 32, not 40");
        assertThat(cli.out()).doesNotContain("ready");
    }

    @Test
    void anUnknownIsolationExitsTwoListingTheKnownOnes() {
        assertThat(execute("cluster", "up", "--isolation", "vm")).isEqualTo(2);
        assertThat(cli.err()).contains("target.cluster.isolation").contains("in-jvm, process");
    }

    @Test
    void aPlanWhoseTargetIsNotTheClusterExitsTwoNamingItsTarget(@TempDir Path dir) throws IOException {
        Path plan = Files.writeString(dir.resolve("http.yaml"), """
                name: elsewhere
                target: { http: { url: "http://127.0.0.1:9" } }
                load: { stages: [ { duration: 1s, rate: 1/s } ], requests: [ { name: get, path: / } ] }
                """);
        assertThat(execute("cluster", "up", plan.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("http.yaml").contains("not the reference cluster (target.http)");
        assertThat(cli.out()).doesNotContain("ready");
    }
}
