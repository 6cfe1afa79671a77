package dev.faultline.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * What the page inlines: uPlot's script and style, read from its webjar on the classpath, and the report's own script
 * and style, read from this package's resources. Nothing is fetched when the page is opened.
 */
record Assets(String uplotVersion, String uplotJs, String uplotCss, String reportJs, String reportCss) {
    private static final String UPLOT_POM = "/META-INF/maven/org.webjars.npm/uplot/pom.properties";

    static Assets load() {
        String version = webjarVersion();
        String dist = "/META-INF/resources/webjars/uplot/" + version + "/dist/";
        return new Assets(version, read(dist + "uPlot.iife.min.js"), read(dist + "uPlot.min.css"),
                read("report.js"), read("report.css"));
    }

    private static String webjarVersion() {
        try (InputStream in = Assets.class.getResourceAsStream(UPLOT_POM)) {
            if (in == null) {
                throw new IllegalStateException("the uPlot webjar is not on the classpath (" + UPLOT_POM + ")");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
