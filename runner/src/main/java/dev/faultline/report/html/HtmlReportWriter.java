package dev.faultline.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.report.ReportWriter;
import dev.faultline.report.Results;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code report.html}: one self-contained page (charts drawn by an inlined uPlot, no network needed) that
 * answers what broke, when, how badly and whether it recovered. It reads the results as results.json holds them, so
 * fields it knows of but this build's {@link Results} lacks are shown when present.
 */
public final class HtmlReportWriter implements ReportWriter {
    public static final String FILE = "report.html";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Path write(Results results, Path dir) throws IOException {
        return write(JSON.valueToTree(results), dir);
    }

    /** Writes the page for results read as a JSON tree (e.g. straight from a results.json). */
    public static Path write(JsonNode results, Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        Files.writeString(file, render(results), StandardCharsets.UTF_8);
        return file;
    }

    /** The page's HTML. */
    public static String render(JsonNode results) {
        return new HtmlPage(results, Assets.load()).render();
    }
}
