package dev.faultline.report;

import java.io.IOException;
import java.nio.file.Path;

/** Renders results into one file of a report folder. */
public interface ReportWriter {
    /** Writes the file into {@code dir} and returns its path. */
    Path write(Results results, Path dir) throws IOException;
}
