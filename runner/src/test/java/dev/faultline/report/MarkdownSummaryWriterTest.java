package dev.faultline.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.check.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownSummaryWriterTest {
    @TempDir
    Path dir;

    @Test
    void anOverloadedRunShowsItsErrorsByKindAsTheGoldenFileHasThem() {
        String md = MarkdownSummaryWriter.render(Golden.recorded("quickstart-overloaded"));
        Golden.assertMatches("quickstart-overloaded.md", md);
        assertThat(md).contains("| read | 1528 | 204 |").contains("timeout 1233, dropped 91")
                .contains("| slow-store | latency | `lb->n1` | 3.1s | 6.0s |");
    }

    @Test
    void aPassedRunSaysHowManyChecksHeld() {
        Verdict held = new Verdict("latency read p99", "latency", "steady", true, 3.2, 50, "ms", "fine");
        assertThat(MarkdownSummaryWriter.render(JUnitXmlWriterTest.results(null, held)))
                .startsWith("## ✅ PASSED quickstart: 1 of 1 checks held")
                .contains("| ✅ pass | latency read p99 | latency | steady | 3.20ms | ≤ 50.0ms |");
    }

    @Test
    void aFailedRunLeadsWithTheFailureAndSaysObservedAgainstLimit() {
        String md = MarkdownSummaryWriter.render(Golden.recorded("quickstart-failing"));
        Golden.assertMatches("quickstart-failing.md", md);
        assertThat(md).startsWith("## ❌ FAILED quickstart: 3 of 4 checks held")
                .containsPattern("\\| ❌ \\*\\*fail\\*\\* \\| latency read p99 \\| latency \\| steady \\| [0-9.]+ms \\| ≤ 1.00ms \\|")
                .contains("- **latency read p99**: p99 of 'read' in 'steady' was");
    }

    @Test
    void aRunThatCouldNotBeCarriedOutSaysWhy() {
        String md = MarkdownSummaryWriter.render(JUnitXmlWriterTest.results("port 8080 is taken"));
        assertThat(md).startsWith("## ⚠️ ERROR quickstart: not carried out")
                .contains("> **The run could not be carried out:** port 8080 is taken").contains("No checks.");
    }

    @Test
    void pipesInNamesDoNotBreakTheTable() {
        Verdict odd = new Verdict("a|b", "latency", "all", true, 1.0, 2, "ms", "fine");
        assertThat(MarkdownSummaryWriter.render(JUnitXmlWriterTest.results(null, odd))).contains("| a\\|b |");
    }

    @Test
    void writesSummaryMdIntoTheReportFolder() throws Exception {
        Path file = new MarkdownSummaryWriter().write(Golden.recorded("quickstart-failing"), dir);
        assertThat(file).isEqualTo(dir.resolve("summary.md"));
        assertThat(Golden.read(file)).isEqualTo(MarkdownSummaryWriter.render(Golden.recorded("quickstart-failing")));
    }
}
