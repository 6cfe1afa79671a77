package dev.faultline.run;

import dev.faultline.plan.ReportSpec;
import dev.faultline.report.ConsoleSummary;
import dev.faultline.report.ReportFormats;
import dev.faultline.report.ReportWriter;
import dev.faultline.report.Results;
import dev.faultline.sample.Acknowledgements;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /**
     * Writes the run's acknowledged writes to {@code acks.jsonl} (one JSON object a line) when there are any, and
     * otherwise removes an earlier run's file, so the folder never holds acknowledgements of another run.
     */
    void writeAcknowledgements(Acknowledgements acks, PrintWriter out) {
        try {
            if (acks.entries().isEmpty()) {
                Files.deleteIfExists(dir.resolve(ACKS));
                return;
            }
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
        for (ReportWriter writer : ReportFormats.writers(formats)) {
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
