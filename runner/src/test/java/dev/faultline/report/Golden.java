package dev.faultline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files of the renderers, under {@code src/test/resources/golden/}. A rendering must equal its golden file;
 * after a deliberate change, run the tests with {@code -Dfaultline.golden.update=true} to rewrite them, and review
 * the diff.
 */
final class Golden {
    private static final Path DIR = Path.of("src/test/resources/golden");

    private Golden() {
    }

    /** The results of a recorded run, e.g. {@code quickstart-failing}. */
    static Results recorded(String name) {
        try {
            return JsonResultsWriter.read(Path.of("src/test/resources/results", name, "results.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertMatches(String goldenFile, String rendered) {
        Path file = DIR.resolve(goldenFile);
        try {
            if (Boolean.getBoolean("faultline.golden.update")) {
                Files.createDirectories(DIR);
                Files.writeString(file, rendered, StandardCharsets.UTF_8);
            }
            assertThat(file).as("golden file (write it with -Dfaultline.golden.update=true)").exists();
            assertThat(rendered).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
