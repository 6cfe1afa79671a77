package dev.faultline.report.html;

import java.util.List;

/**
 * One section of charts: a title, a sentence on what it shows, its charts, and the one line shown instead when it has
 * none.
 */
record Section(String id, String title, String about, List<ChartSpec> charts, String whenEmpty) {
    Section {
        charts = List.copyOf(charts);
    }
}
