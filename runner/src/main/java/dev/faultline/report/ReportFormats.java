package dev.faultline.report;

import dev.faultline.plan.ReportSpec.Format;
import dev.faultline.report.html.HtmlReportWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every format rendered from {@link Results}, one registration a line. {@code json} always comes first: the others
 * are rendered from what it holds. {@code hlog} is not here: it is recorded during the run, not rendered.
 */
public final class ReportFormats {
    private static final Map<Format, Supplier<ReportWriter>> WRITERS = new EnumMap<>(Format.class);

    static {
        WRITERS.put(Format.JSON, JsonResultsWriter::new);
        WRITERS.put(Format.JUNIT, JUnitXmlWriter::new);
        WRITERS.put(Format.HTML, HtmlReportWriter::new);
        WRITERS.put(Format.MARKDOWN, MarkdownSummaryWriter::new);
        WRITERS.put(Format.EVENTS, EventsWriter::new);
    }

    private ReportFormats() {
    }

    /** Whether the format is rendered from results (and so can be rendered again by {@code faultline report}). */
    public static boolean rendered(Format format) {
        return WRITERS.containsKey(format);
    }

    /** Writers for a run: results.json's first and always, then the rendered formats among {@code formats}. */
    public static List<ReportWriter> writers(Collection<Format> formats) {
        List<ReportWriter> writers = new ArrayList<>();
        writers.add(WRITERS.get(Format.JSON).get());
        writers.addAll(renderers(formats.stream().filter(f -> f != Format.JSON).toList()));
        return writers;
    }

    /** Writers for exactly the rendered formats among {@code formats}, in registration order. */
    public static List<ReportWriter> renderers(Collection<Format> formats) {
        List<ReportWriter> writers = new ArrayList<>();
        WRITERS.forEach((format, writer) -> {
            if (formats.contains(format)) {
                writers.add(writer.get());
            }
        });
        return writers;
    }
}
