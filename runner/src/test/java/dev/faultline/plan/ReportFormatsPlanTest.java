package dev.faultline.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code report.formats}: which formats a run writes. */
class ReportFormatsPlanTest {
    private static final Path QUICKSTART = Path.of("src/test/resources/plans/good/quickstart.yaml");
    private final PlanParser parser = new PlanParser();

    @Test
    void aPlanWithoutFormatsWritesEveryFormat() throws PlanException {
        assertThat(parser.parse(QUICKSTART, List.of()).report().formats())
                .containsExactly(ReportSpec.Format.values());
    }

    @Test
    void formatsArePlanKeys() throws PlanException {
        Plan plan = parser.parse(QUICKSTART, List.of("report.formats=[html, junit]"));
        assertThat(plan.report().formats()).containsExactly(ReportSpec.Format.HTML, ReportSpec.Format.JUNIT);
    }

    @Test
    void anUnknownFormatInAPlanIsALocatedProblem() {
        PlanException e = catchThrowableOfType(PlanException.class,
                () -> parser.parse(QUICKSTART, List.of("report.formats=[html, pdf]")));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("report.formats").contains("pdf");
    }

    @Test
    void formatKeysAreFoundCaseInsensitivelyAndAnUnknownOneListsTheKnown() {
        assertThat(ReportSpec.Format.of("HTML")).isEqualTo(ReportSpec.Format.HTML);
        assertThatThrownBy(() -> ReportSpec.Format.of("pdf")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown report format 'pdf' (known: json, junit, hlog, html, markdown, events)");
    }
}
