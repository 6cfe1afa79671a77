package dev.faultline.run;

import dev.faultline.plan.ReportSpec;
import dev.faultline.report.ConsoleSummary;
import dev.faultline.report.JUnitXmlWriter;
import dev.faultline.report.JsonResultsWriter;
import dev.faultline.report.ReportWriter;
import dev.faultline.report.Results;
import dev.faultline.sample.Acknowledgements;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A plan's report folder: created before the run, filled with every requested format after it. */
final class ReportFolder {
    static final String ACKS = "acks.jsonl";
    private final Path dir;
    private final List<ReportSpec.Format> formats;

    ReportFolder(Path dir, List<ReportSpec.Format> formats) {
        this.dir = dir;
        this.formats = formats;
    }

    Path dir() {
        return dir;
    }

    boolean wants(ReportSpec.Format format) {
        return formats.contains(format);
    }

    /** Writes the run's acknowledged writes to {@code acks.jsonl} (one JSON object a line), when there are any. */
    void writeAcknowledgements(Acknowledgements acks, PrintWriter out) {
        if (acks.entries().isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(dir);
            acks.writeJsonLines(dir.resolve(ACKS));
        } catch (IOException e) {
            out.println("faultline: could not write " + dir.resolve(ACKS) + ": " + e.getMessage());
        }
    }

    void prepare() throws IOException {
        Files.createDirectories(dir);
    }

    /** Writes results.json (always) and the other requested formats, then prints the console summary. */
    void write(Results results, PrintWriter out) {
        List<ReportWriter> writers = new ArrayList<>();
        writers.add(new JsonResultsWriter());
        if (wants(ReportSpec.Format.JUNIT)) {
            writers.add(new JUnitXmlWriter());
        }
        if (wants(ReportSpec.Format.MARKDOWN)) {
            writers.add(new dev.faultline.report.MarkdownSummaryWriter());
        }
        if (wants(ReportSpec.Format.EVENTS)) {
            writers.add(new dev.faultline.report.EventsWriter());
        }
        for (ReportWriter writer : writers) {
            try {
                Files.createDirectories(dir);
                writer.write(results, dir);
            } catch (IOException | RuntimeException e) {
                out.println("faultline: could not write the report in " + dir + ": " + e.getMessage());
            }
        }
        new ConsoleSummary(out).print(results, dir.toString());
    }
}
