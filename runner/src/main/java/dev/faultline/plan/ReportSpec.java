package dev.faultline.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where and in which formats the run's results are written. {@code dir} is the root: each plan writes to
 * {@code dir/<plan-name>/}. The console summary is always printed.
 */
public record ReportSpec(String dir, List<Format> formats) {
    public static final String DEFAULT_DIR = "target/faultline";
    public static final ReportSpec DEFAULTS = new ReportSpec(DEFAULT_DIR, null);

    /**
     * A written format, by its plan key. {@code results.json} is always written: every other format except
     * {@code hlog} (recorded during the run) is rendered from it. A run writes every format unless told otherwise.
     */
    public enum Format {
        @JsonProperty("json") JSON,
        @JsonProperty("junit") JUNIT,
        @JsonProperty("hlog") HLOG,
        @JsonProperty("html") HTML,
        @JsonProperty("markdown") MARKDOWN,
        @JsonProperty("events") EVENTS;

        /** Its plan and command-line key, e.g. {@code html}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The format with this key; an unknown key is an error that lists the known ones. */
        public static Format of(String key) {
            return Arrays.stream(values()).filter(f -> f.key().equals(key.trim().toLowerCase(Locale.ROOT)))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown report format '" + key
                            + "' (known: " + String.join(", ", Arrays.stream(values()).map(Format::key).toList())
                            + ")"));
        }
    }

    public ReportSpec {
        dir = dir == null || dir.isBlank() ? DEFAULT_DIR : dir;
        formats = formats == null ? List.of(Format.values()) : List.copyOf(formats);
    }

    /** A copy that writes these formats. */
    public ReportSpec withFormats(List<Format> chosen) {
        return new ReportSpec(dir, chosen);
    }
}
