package dev.faultline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleSummaryTest {

    private static String print(Results.Load load) {
        Results results = new Results("p", true, null, "2026-11-23T20:00:00Z", 10_000, 1, "test", load, Map.of(),
                List.of(), List.of(), List.of(), null);
        StringWriter text = new StringWriter();
        new ConsoleSummary(new PrintWriter(text)).print(results, "/tmp/report");
        return text.toString();
    }

    @Test
    void aClosedModelRunShowsUsersIterationsAndAchievedRateNotATargetRate() {
        String text = print(new Results.Load("closed", 0, 1602.5, 16025, 16025, 0, 64, 16025, 0));
        assertThat(text).contains("load      closed: 64 users, 16025 iterations, achieved 1602.5/s, 16025 sent")
                .doesNotContain("target");
    }

    @Test
    void anOpenModelRunShowsTargetAndAchievedRateAndDrops() {
        assertThat(print(new Results.Load("open", 200, 199.5, 1995, 1990, 5)))
                .contains("load      open: target 200.0/s, achieved 199.5/s, 1995 sent, 1990 completed, 5 dropped");
    }
}
