package dev.faultline.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Where and in which formats the run's results are written. {@code dir} is the root: each plan writes to
 * {@code dir/<plan-name>/}. The console summary is always printed.
 */
public record ReportSpec(String dir, List<Format> formats) {
    public static final String DEFAULT_DIR = "target/faultline";
    public static final ReportSpec DEFAULTS = new ReportSpec(DEFAULT_DIR, null);

    /** A written format. {@code results.json} is always written: every other format is rendered from it. */
    public enum Format {
        @JsonProperty("json") JSON,
        @JsonProperty("junit") JUNIT,
        @JsonProperty("hlog") HLOG,
        @JsonProperty("markdown") MARKDOWN,
        @JsonProperty("events") EVENTS
    }

    public ReportSpec {
        dir = dir == null || dir.isBlank() ? DEFAULT_DIR : dir;
        formats = formats == null ? List.of(Format.JSON, Format.JUNIT, Format.HLOG, Format.MARKDOWN, Format.EVENTS) : List.copyOf(formats);
    }
}
