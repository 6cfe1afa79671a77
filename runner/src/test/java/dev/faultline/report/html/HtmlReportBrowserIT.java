package dev.faultline.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The HTML report opened in headless Chromium: every chart draws and no script error occurs, both for a real run's
 * report and for recorded results with every kind of observation. Skipped when Chromium is not installed
 * ({@code apt-get install -y chromium}; CI installs it).
 */
@Timeout(420)
class HtmlReportBrowserIT {
    private static final Path PLAN = Path.of("src/test/resources/plans/short-with-fault.yaml");

    @TempDir
    Path dir;

    private HeadlessChromium chromium;

    @BeforeEach
    void needsChromium() {
        Optional<HeadlessChromium> found = HeadlessChromium.find();
        assumeTrue(found.isPresent(), "Chromium is not installed (apt-get install -y chromium): the report is not "
                + "opened in a browser");
        chromium = found.get();
    }

    private void assertEveryChartDrewWithoutScriptErrors(Path page, int atLeast) throws Exception {
        String dom = chromium.dumpDom(page, dir.resolve("profile"));
        assertThat(dom).as("the page as Chromium left it").contains("id=\"render-status\"");
        assertThat(HeadlessChromium.attribute(dom, "script-errors", "hidden")).as("script errors: %s", dom.lines()
                .filter(l -> l.contains("script error")).toList()).isPresent();
        java.util.regex.Matcher body = java.util.regex.Pattern.compile("<body[^>]*>").matcher(dom);
        assertThat(body.find()).isTrue();
        assertThat(body.group()).as("script errors counted on <body>").doesNotContain("data-script-errors");
        String expected = HeadlessChromium.attribute(dom, "render-status", "data-expected").orElseThrow();
        assertThat(Integer.parseInt(expected)).isGreaterThanOrEqualTo(atLeast);
        assertThat(HeadlessChromium.attribute(dom, "render-status", "data-drawn")).hasValue(expected);
        assertThat(HeadlessChromium.attribute(dom, "render-status", "data-complete")).hasValue("true");
        assertThat(dom.split("class=\"uplot", -1)).as("uPlot charts in the DOM").hasSize(Integer.parseInt(expected) + 1);
    }

    @Test
    void aRealRunsReportDrawsEveryChartInChromiumWithoutScriptErrors() throws Exception {
        StringWriter console = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(console, true));
        cli.setErr(new PrintWriter(console, true));
        int exit = cli.execute("run", PLAN.toString(), "--out", dir.toString(), "--format", "json,html",
                "--set", "checks=[]");
        assertThat(exit).as(console.toString()).isZero();
        Path report = dir.resolve("short-with-fault");
        assertThat(report.resolve("junit.xml")).as("--format leaves junit out").doesNotExist();
        assertThat(report.resolve("latency.hlog")).as("--format leaves hlog out").doesNotExist();
        assertThat(new ObjectMapper().readTree(report.resolve("results.json").toFile()).path("planYaml").asText())
                .contains("name: short-with-fault").contains("# --set checks=[]");
        assertEveryChartDrewWithoutScriptErrors(report.resolve("report.html"), 4);
    }

    @Test
    void recordedResultsWithEveryObservationDrawEveryChartInChromium() throws Exception {
        Path page = HtmlReportWriter.write(new ObjectMapper().readTree(HtmlReportWriterTest.FIXTURE.toFile()),
                Files.createDirectories(dir.resolve("fixture")));
        assertEveryChartDrewWithoutScriptErrors(page, 12);
    }
}
