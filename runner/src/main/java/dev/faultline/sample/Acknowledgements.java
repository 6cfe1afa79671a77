package dev.faultline.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The writes a run saw acknowledged, in the order they were acknowledged: the input of the lost-writes check. When
 * the log was full, {@code overflowed} counts the acknowledgements that were not kept (the list is then incomplete).
 */
public record Acknowledgements(List<Ack> entries, long overflowed) {
    public static final Acknowledgements NONE = new Acknowledgements(List.of(), 0);

    /**
     * One acknowledged write: the request that made it, its key and element (body), when it was meant to be sent
     * ({@code sentAtMs}: its intended send time, at or before the moment it really left) and when its acknowledgement
     * arrived ({@code atMs}), both in ms since time zero.
     */
    public record Ack(String request, String key, String element, long sentAtMs, long atMs) {
    }

    public Acknowledgements {
        entries = List.copyOf(entries);
        if (overflowed < 0) {
            throw new IllegalArgumentException("overflowed must be at least 0, not " + overflowed);
        }
    }

    /** Whether every acknowledgement of the run is in {@link #entries()}. */
    public boolean complete() {
        return overflowed == 0;
    }

    /**
     * Writes one JSON object per line:
     * {@code {"request":"add","key":"k7","element":"c3-12","sentAtMs":1038,"atMs":1042}}.
     */
    public void writeJsonLines(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Ack ack : entries) {
                out.write(json.writeValueAsString(ack));
                out.newLine();
            }
        }
    }
}
