package dev.faultline.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.report.Results;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report rendered from recorded results: its structure, not its bytes. */
class HtmlReportWriterTest {
    static final Path FIXTURE = Path.of("src/test/resources/report/results-with-everything.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static JsonNode fixture() throws Exception {
        return JSON.readTree(FIXTURE.toFile());
    }

    private static JsonNode charts(String html) throws Exception {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"charts\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).as("the charts' data element").isTrue();
        return JSON.readTree(m.group(1));
    }

    private static JsonNode chart(JsonNode charts, String id) {
        for (JsonNode c : charts) {
            if (c.path("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no chart " + id + " in " + charts);
    }

    @Test
    void aFailedRunShowsAFailedBannerWithHowManyChecksHeld() throws Exception {
        String html = HtmlReportWriter.render(fixture());
        assertThat(html).contains("<header class=\"verdict failed\">")
                .contains("FAILED &middot; fixture-&lt;slow&gt;").contains("2 of 3 checks held")
                .contains("every fault healed");
    }

    @Test
    void checksTableShowsObservedAgainstLimitWindowAndDetails() throws Exception {
        String html = HtmlReportWriter.render(fixture());
        assertThat(html).contains("<tr class=\"fail\"><td>FAIL</td><td>availability</td><td>all</td>"
                        + "<td class=\"num\">99%</td><td class=\"num\">99.5%</td>")
                .contains("<tr class=\"pass\"><td>PASS</td><td>latency read p99</td><td>steady</td>"
                        + "<td class=\"num\">27ms</td><td class=\"num\">100ms</td>")
                .contains("<li>read 5xx x12 between 3.0s and 6.0s</li>");
    }

    @Test
    void everySectionWithDataHasItsChartsAndEveryChartHasAPlaceOnThePage() throws Exception {
        String html = HtmlReportWriter.render(fixture());
        JsonNode charts = charts(html);
        List<String> ids = new ArrayList<>();
        charts.forEach(c -> ids.add(c.path("id").asText()));
        assertThat(ids).containsExactly("throughput", "latency-0", "latency-1", "errors", "spectrum-0", "spectrum-1",
                "convergence", "breakers", "limiter", "cpu", "memory", "disk");
        ids.forEach(id -> assertThat(html).contains("<div class=\"chart\" id=\"chart-" + id + "\""));
        assertThat(html).contains("data-expected=\"12\"").doesNotContain("<p class=\"empty\">");
    }

    @Test
    void timeChartsShadeEachFaultsRealWindowInSeconds() throws Exception {
        JsonNode throughput = chart(charts(HtmlReportWriter.render(fixture())), "throughput");
        assertThat(throughput.at("/bands/0/label").asText()).isEqualTo("slow-store");
        assertThat(throughput.at("/bands/0/from").asDouble()).isEqualTo(3.01);
        assertThat(throughput.at("/bands/0/to").asDouble()).isEqualTo(6.005);
        assertThat(throughput.path("series").toString()).contains("read ok/s", "read failed/s", "write ok/s")
                .doesNotContain("write failed/s");
    }

    @Test
    void errorsAreCountedByKindWithZerosWhereThereWereNone() throws Exception {
        JsonNode errors = chart(charts(HtmlReportWriter.render(fixture())), "errors");
        assertThat(errors.path("series").toString()).isEqualTo("[\"5xx\",\"timeout\"]");
        assertThat(errors.at("/data/1/0").asDouble()).isZero();
        assertThat(errors.at("/data/1/3").asDouble()).isEqualTo(4);
    }

    @Test
    void spectrumPutsPercentilesOnTheOneOverOneMinusPAxisPerWindowWithoutTheMax() throws Exception {
        JsonNode spectrum = chart(charts(HtmlReportWriter.render(fixture())), "spectrum-1");
        assertThat(spectrum.path("title").asText()).isEqualTo("Latency spectrum of 'read'");
        assertThat(spectrum.path("xPercentile").asBoolean()).isTrue();
        assertThat(spectrum.path("series").toString())
                .isEqualTo("[\"all (1000)\",\"steady (300)\",\"faults (300)\",\"recovery (400)\"]");
        List<Double> xs = new ArrayList<>();
        spectrum.at("/data/0").forEach(x -> xs.add(x.asDouble()));
        assertThat(xs.get(0)).as("0%").isEqualTo(1.0);
        assertThat(xs).allMatch(Double::isFinite)
                .anySatisfy(x -> assertThat(x).as("90%").isCloseTo(10.0, org.assertj.core.data.Offset.offset(1e-9)));
        assertThat(SpectrumCharts.x(99.0)).isEqualTo(100.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void breakerStatesBecomeAStepChartOfNamedStates() throws Exception {
        JsonNode breakers = chart(charts(HtmlReportWriter.render(fixture())), "breakers");
        assertThat(breakers.path("series").toString()).isEqualTo("[\"lb -> n1\"]");
        assertThat(breakers.path("yStates").get(2).asText()).isEqualTo("open");
        List<Integer> states = new ArrayList<>();
        breakers.at("/data/1").forEach(v -> states.add(v.asInt()));
        assertThat(states).containsExactly(0, 0, 0, 2, 2, 1, 0, 0, 0, 0);
    }

    @Test
    void limiterRejectionsAreARatePerSecondFromTheScrapedCounter() throws Exception {
        JsonNode limiter = chart(charts(HtmlReportWriter.render(fixture())), "limiter");
        assertThat(limiter.path("series").toString()).isEqualTo("[\"lb client c1\"]");
        assertThat(limiter.at("/data/1/0").asDouble()).isEqualTo(3.0);
        assertThat(limiter.at("/data/1/8").asDouble()).isEqualTo(3.0 * (81 - 64));
    }

    @Test
    void resourcesShowEveryProcessInCpuMemoryAndDiskCharts() throws Exception {
        JsonNode charts = charts(HtmlReportWriter.render(fixture()));
        assertThat(chart(charts, "cpu").path("series").toString()).isEqualTo("[\"lb\",\"n1\"]");
        assertThat(chart(charts, "memory").at("/data/1/0").asDouble()).isEqualTo(80.0);
        assertThat(chart(charts, "disk").at("/data/2/9").asDouble()).isEqualTo(10 * 65536 / 1048576.0);
    }

    @Test
    void convergenceShowsHowLongAfterTheLastHealReplicasAgreed() throws Exception {
        String html = HtmlReportWriter.render(fixture());
        assertThat(html).contains("Converged 1.2 s after the last heal.");
        assertThat(chart(charts(html), "convergence").path("bands").toString()).contains("converging");
    }

    @Test
    void thePlanTextIsShownEscapedAndCannotCloseAnElement() throws Exception {
        String html = HtmlReportWriter.render(fixture());
        assertThat(html).contains("# a comment with &lt;/script&gt; and &lt;b&gt;markup&lt;/b&gt; in it");
        assertThat(html.split("</script>", -1)).hasSize(4);
    }

    @Test
    void thePageIsSelfContainedWithUplotInlined() throws Exception {
        String html = HtmlReportWriter.render(fixture());
        assertThat(html).contains("content=\"faultline (uPlot ").contains("var uPlot").contains(".uplot")
                .doesNotContainPattern("(src|href)=\"(https?:)?//").doesNotContain("<link").doesNotContain("@import");
    }

    @Test
    void resultsWithNothingMeasuredSayEachSectionIsEmptyInOneLine() throws Exception {
        Results notStarted = new Results("p", false, "the reference cluster did not start", "2026-11-23T22:00:00Z",
                120, 1, "not started", new Results.Load("open", 100, 0, 0, 0, 0), Map.of(), List.of(), List.of(),
                List.of(), null);
        Path file = new HtmlReportWriter().write(notStarted, dir);
        String html = Files.readString(file);
        assertThat(file.getFileName().toString()).isEqualTo("report.html");
        assertThat(html).contains("<header class=\"verdict not-carried-out\">")
                .contains("the reference cluster did not start").contains("data-expected=\"0\"")
                .contains("No request completed: there is no throughput to show.")
                .contains("No target process was sampled").contains("The plan's text is not in these results.");
        assertThat(charts(html)).isEmpty();
        assertThat(html.split("<p class=\"empty\">", -1)).hasSize(1 + 12);
    }
}
