package dev.faultline.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes and reads {@code results.json}. */
public final class JsonResultsWriter implements ReportWriter {
    public static final String FILE = "results.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public Path write(Results results, Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        Path partial = dir.resolve(FILE + ".tmp");
        MAPPER.writeValue(partial.toFile(), results);
        return Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads results back, so any report can be rendered again without running anything. Fields this build does not
     * know (written by a newer one) are ignored.
     */
    public static Results read(Path file) throws IOException {
        return MAPPER.readerFor(Results.class)
                .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(file.toFile());
    }
}
