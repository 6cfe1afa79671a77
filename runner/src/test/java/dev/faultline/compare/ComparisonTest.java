package dev.faultline.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTest {
    private static final Path RUN1 = ShiftedRun.recorded("quickstart-run1");
    private static final Path RUN2 = ShiftedRun.recorded("quickstart-run2");

    @TempDir
    Path dir;

    @Test
    void anIdenticalRunIsNoRegression() {
        Comparison c = Comparison.of(RUN1, RUN1, Thresholds.DEFAULTS);
        assertThat(c.regressed()).isFalse();
        assertThat(c.fullDistributions()).isTrue();
        assertThat(c.requests()).extracting(Comparison.RequestComparison::request).containsExactly("write", "read");
        assertThat(c.requests().get(1).shifts()).allSatisfy(s -> assertThat(s.deltaMs()).isZero());
    }

    @Test
    void twoRealRunsOfTheSamePlanOnASharedMachineAreNoRegression() {
        assertThat(Comparison.of(RUN1, RUN2, Thresholds.DEFAULTS).regressed()).isFalse();
        assertThat(Comparison.of(RUN2, RUN1, Thresholds.DEFAULTS).regressed()).isFalse();
        assertThat(Comparison.of(RUN1, ShiftedRun.recorded("quickstart-failing"), Thresholds.DEFAULTS).regressed())
                .isFalse();
    }

    @Test
    void everyRequestFortyMillisecondsSlowerIsARegressionOfEveryRequest() throws Exception {
        Path slower = ShiftedRun.slower("quickstart-run1", 40, dir.resolve("slower"), true);
        Comparison c = Comparison.of(RUN1, slower, Thresholds.DEFAULTS);
        assertThat(c.fullDistributions()).isTrue();
        assertThat(c.regressed()).isTrue();
        assertThat(c.requests()).allSatisfy(r -> assertThat(r.latencyRegressed()).as(r.request()).isTrue());
        Comparison.Shift p50 = c.requests().get(1).shifts().get(0);
        assertThat(p50.percentile()).isEqualTo("p50");
        assertThat(p50.deltaMs()).isBetween(39.0, 41.0);
        assertThat(p50.significant()).isTrue();
    }

    @Test
    void withoutHlogFilesTheResultsPercentilesAreComparedAndStillSeeFortyMilliseconds() throws Exception {
        Path base = ShiftedRun.slower("quickstart-run2", 0, dir.resolve("base"), false);
        Path slower = ShiftedRun.slower("quickstart-run2", 40, dir.resolve("slower"), false);
        Comparison c = Comparison.of(base, slower, Thresholds.DEFAULTS);
        assertThat(c.fullDistributions()).isFalse();
        assertThat(c.requests().get(0).shifts()).extracting(Comparison.Shift::percentile)
                .containsExactly("p50", "p90", "p99", "p99.9");
        assertThat(c.regressed()).isTrue();
    }

    @Test
    void aSlowdownBelowTheAbsoluteMinimumIsNoise() throws Exception {
        Path slower = ShiftedRun.slower("quickstart-run1", 5, dir.resolve("slower"), true);
        assertThat(Comparison.of(RUN1, slower, Thresholds.DEFAULTS).regressed()).isFalse();
        Thresholds strict = new Thresholds(5, 2, 2, 0.5, 20);
        assertThat(Comparison.of(RUN1, slower, strict).regressed()).isTrue();
    }

    @Test
    void aDropInAvailabilityIsARegressionOfThatRequest() throws Exception {
        Path worse = ShiftedRun.lessAvailable("quickstart-run1", "read", 30, dir.resolve("worse"));
        Files.copy(ShiftedRun.RECORDED.resolve("quickstart-run1/latency.hlog"), dir.resolve("worse/latency.hlog"));
        Comparison c = Comparison.of(RUN1, worse, Thresholds.DEFAULTS);
        assertThat(c.regressed()).isTrue();
        assertThat(c.requests().get(1).availabilityRegressed()).isTrue();
        assertThat(c.requests().get(1).latencyRegressed()).isFalse();
        assertThat(c.requests().get(0).regressed()).isFalse();
    }

    @Test
    void tailPercentilesWithTooFewRequestsAboveThemAreNotJudged() {
        Comparison.RequestComparison read = Comparison.of(RUN1, RUN2, Thresholds.DEFAULTS).requests().get(1);
        assertThat(read.shifts()).filteredOn(s -> !s.compared()).extracting(Comparison.Shift::percentile)
                .containsExactly("p99", "p99.9");
    }

    @Test
    void aMissingFileOrOneThatIsNotResultsIsRefusedNamingIt() throws Exception {
        assertThatThrownBy(() -> Comparison.of(dir.resolve("nope.json"), RUN1, Thresholds.DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope.json: no such file");
        Path junk = Files.writeString(dir.resolve("junk.json"), "{\"hello\": 1}");
        assertThatThrownBy(() -> Comparison.of(RUN1, junk, Thresholds.DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("junk.json: not a Faultline results.json");
    }

    @Test
    void thresholdsNameTheSettingThatIsOutOfRange() {
        assertThatThrownBy(() -> new Thresholds(20, 10, 9, 0.5, 20)).hasMessageContaining("min-percentiles");
        assertThatThrownBy(() -> new Thresholds(-1, 10, 2, 0.5, 20)).hasMessageContaining("threshold");
        assertThatThrownBy(() -> new Thresholds(20, 10, 2, 0.5, 0)).hasMessageContaining("min-tail-samples");
    }
}
