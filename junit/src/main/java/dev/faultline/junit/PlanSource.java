package dev.faultline.junit;

import dev.faultline.plan.Plan;
import dev.faultline.plan.PlanException;
import dev.faultline.plan.PlanParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.platform.commons.PreconditionViolationException;

/**
 * Finds and parses the plan an annotation names: a file relative to the working directory (Maven's: the module's
 * folder), else a resource on the test class path. A plan that does not parse is refused with every problem the
 * parser found, each with its file, line, column and key.
 */
final class PlanSource {
    private PlanSource() {
    }

    static Plan load(String location, List<String> overrides, Class<?> testClass) {
        Path file = Path.of(location);
        try {
            if (Files.isRegularFile(file)) {
                return new PlanParser().parse(file, overrides);
            }
            String resource = location.startsWith("/") ? location.substring(1) : location;
            try (InputStream in = classLoader(testClass).getResourceAsStream(resource)) {
                if (in == null) {
                    throw new PreconditionViolationException("no plan '" + location + "': neither a file (looked for "
                            + file.toAbsolutePath() + ") nor a resource on the test class path");
                }
                return new PlanParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                        "classpath:" + resource, overrides);
            }
        } catch (PlanException e) {
            throw new PreconditionViolationException("the plan '" + location + "' is not valid:\n" + e.getMessage(), e);
        } catch (IOException e) {
            throw new PreconditionViolationException("cannot read the plan '" + location + "': " + e.getMessage(), e);
        }
    }

    /** Parses a plan written by the extension itself (from an annotation's attributes). */
    static Plan parse(String yaml, String source, List<String> overrides) {
        try {
            return new PlanParser().parse(yaml, source, overrides);
        } catch (PlanException e) {
            throw new PreconditionViolationException(source + " is not valid:\n" + e.getMessage(), e);
        }
    }

    private static ClassLoader classLoader(Class<?> testClass) {
        ClassLoader loader = testClass.getClassLoader();
        return loader != null ? loader : ClassLoader.getSystemClassLoader();
    }
}
