package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    private static final Path FIXTURE = Path.of("src/test/resources/report/results-with-everything.json");

    @TempDir
    Path dir;

    private final CapturedCli cli = new CapturedCli();

    @Test
    void reportRendersEveryFormatFromResultsWithoutRunningAnything() throws Exception {
        assertThat(cli.execute("report", FIXTURE.toString(), "--out", dir.toString())).as(cli.err()).isZero();
        assertThat(dir.resolve("results.json")).exists();
        assertThat(dir.resolve("junit.xml")).exists();
        assertThat(Files.readString(dir.resolve("report.html"))).contains("FAILED &middot; fixture-&lt;slow&gt;");
        assertThat(cli.out()).contains("wrote", "report.html");
    }

    @Test
    void formatChoosesWhatIsWritten() {
        assertThat(cli.execute("report", FIXTURE.toString(), "--out", dir.toString(), "--format", "html")).isZero();
        assertThat(dir.resolve("report.html")).exists();
        assertThat(dir.resolve("junit.xml")).doesNotExist();
        assertThat(dir.resolve("results.json")).doesNotExist();
    }

    @Test
    void besideItsSourceResultsJsonIsNotRewrittenOverItself() throws Exception {
        Path copy = Files.copy(FIXTURE, dir.resolve("results.json"));
        String before = Files.readString(copy);
        assertThat(cli.execute("report", copy.toString())).isZero();
        assertThat(Files.readString(copy)).isEqualTo(before);
        assertThat(dir.resolve("report.html")).exists();
    }

    @Test
    void anUnknownFormatExitsTwoAndListsTheKnownOnes() {
        assertThat(cli.execute("report", FIXTURE.toString(), "--format", "pdf")).isEqualTo(2);
        assertThat(cli.err()).contains("unknown report format 'pdf' (known: json, junit, hlog, html, markdown, events)");
    }

    @Test
    void hlogCannotBeRenderedFromResultsAndSaysSo() {
        assertThat(cli.execute("report", FIXTURE.toString(), "--out", dir.toString(), "--format", "hlog,html"))
                .isZero();
        assertThat(cli.err()).contains("hlog is recorded during a run and cannot be rendered from results.json");
    }

    @Test
    void aMissingResultsFileExitsTwoAndNamesIt() {
        assertThat(cli.execute("report", dir.resolve("nope.json").toString())).isEqualTo(2);
        assertThat(cli.err()).contains("cannot read").contains("nope.json");
    }
}
