package dev.faultline.report.html;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Opens a page in headless Chromium (the Debian package) and returns the DOM after its scripts ran. */
final class HeadlessChromium {
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    private final Path binary;

    private HeadlessChromium(Path binary) {
        this.binary = binary;
    }

    /** Chromium from the PATH, when installed. */
    static Optional<HeadlessChromium> find() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator))
                .flatMap(dir -> NAMES.stream().map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst().map(HeadlessChromium::new);
    }

    /** The page's DOM once its scripts ran (virtual time lets timers and animation frames finish). */
    String dumpDom(Path page, Path profile) throws IOException, InterruptedException {
        Path out = Files.createTempFile(profile.getParent(), "dom", ".html");
        Process chromium = new ProcessBuilder(binary.toString(), "--headless=new", "--disable-gpu", "--no-sandbox",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=1280,2000",
                "--virtual-time-budget=5000", "--dump-dom", page.toUri().toString())
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!chromium.waitFor(120, TimeUnit.SECONDS)) {
            chromium.destroyForcibly().waitFor();
            throw new IOException("chromium did not finish within 120 s on " + page);
        }
        return Files.readString(out);
    }

    /** The value of {@code attribute} on the element with {@code id}, from a dumped DOM; empty when absent. */
    static Optional<String> attribute(String dom, String id, String attribute) {
        Matcher element = Pattern.compile("<[a-z]+ [^>]*id=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(dom);
        if (!element.find()) {
            return Optional.empty();
        }
        Matcher value = Pattern.compile(attribute + "=\"([^\"]*)\"").matcher(element.group());
        return value.find() ? Optional.of(value.group(1)) : Optional.empty();
    }
}
