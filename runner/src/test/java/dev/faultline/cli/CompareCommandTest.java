package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CompareCommandTest {
    private static final String RUN1 = "src/test/resources/results/quickstart-run1/results.json";
    private static final String RUN2 = "src/test/resources/results/quickstart-run2/results.json";
    private static final String OVERLOADED = "src/test/resources/results/quickstart-overloaded/results.json";

    private final CapturedCli cli = new CapturedCli();

    @Test
    void twoRunsOfTheSamePlanExitZeroAndSayNoRegression() {
        assertThat(cli.execute("compare", RUN1, RUN2)).as(cli.err()).isZero();
        assertThat(cli.out()).contains("whole distributions, from the latency.hlog files")
                .contains("request   read: ok").contains("NO REGRESSION  2 request(s) compared");
    }

    @Test
    void aRegressedRunExitsOneAndSaysWhatRegressedByHowMuch() {
        assertThat(cli.execute("compare", RUN1, OVERLOADED)).isEqualTo(1);
        assertThat(cli.out()).contains("request   read: REGRESSED").containsPattern("p50 +[0-9.]+ms -> +[0-9.]+ms +\\+[0-9.]+ms \\(\\+[0-9]+%\\)  shifted")
                .containsPattern("avail +100% -> 13.35% +-86.65 points  regressed")
                .contains("REGRESSED  2 of 2 request(s): write, read");
    }

    @Test
    void aLooserThresholdLetsTheSameRunPass() {
        assertThat(cli.execute("compare", RUN1, RUN2, "--threshold", "500%", "--min-shift", "1s")).isZero();
    }

    @Test
    void aMissingFileExitsTwoNamingIt() {
        assertThat(cli.execute("compare", RUN1, Path.of("no/such/results.json").toString())).isEqualTo(2);
        assertThat(cli.err()).contains("no/such/results.json: no such file");
    }

    @Test
    void aMalformedThresholdExitsTwoNamingTheOption() {
        assertThat(cli.execute("compare", RUN1, RUN2, "--threshold", "lots")).isEqualTo(2);
        assertThat(cli.err()).contains("--threshold: expected a number followed by %");
        assertThat(cli.execute("compare", RUN1, RUN2, "--min-shift", "10")).isEqualTo(2);
        assertThat(cli.err()).contains("duration");
    }
}
