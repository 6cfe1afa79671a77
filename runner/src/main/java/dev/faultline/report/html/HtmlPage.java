package dev.faultline.report.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report page: verdict, checks, requests, faults, the chart sections and the plan, as one HTML document. */
final class HtmlPage {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode results;
    private final Assets assets;
    private final StringBuilder html = new StringBuilder(256 * 1024);

    HtmlPage(JsonNode results, Assets assets) {
        this.results = results;
        this.assets = assets;
    }

    String render() {
        RunCharts run = new RunCharts(results);
        ObservedCharts observed = new ObservedCharts(results, run.bands());
        List<Section> sections = List.of(run.throughput(), run.latency(), run.errors(), SpectrumCharts.of(results),
                observed.convergence(), observed.breakers(), observed.limiter(), observed.resources());
        String plan = Html.text(results.path("plan").asText());
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"generator\" content=\"faultline (uPlot ").append(assets.uplotVersion())
                .append(")\">\n<title>faultline: ").append(plan).append("</title>\n<style>\n")
                .append(assets.uplotCss()).append('\n').append(assets.reportCss()).append("</style>\n</head>\n<body>\n")
                .append("<pre id=\"script-errors\" hidden></pre>\n<main>\n");
        banner();
        checks();
        requests();
        faults();
        List<ChartSpec> charts = new ArrayList<>();
        for (Section section : sections) {
            section(section);
            charts.addAll(section.charts());
        }
        planText();
        html.append("<p id=\"render-status\" data-expected=\"").append(charts.size())
                .append("\" data-drawn=\"0\">charts drawn: 0 of ").append(charts.size()).append("</p>\n</main>\n")
                .append("<script type=\"application/json\" id=\"charts\">").append(Html.scriptJson(json(charts)))
                .append("</script>\n<script>\n").append(assets.uplotJs()).append("\n</script>\n<script>\n")
                .append(assets.reportJs()).append("\n</script>\n</body>\n</html>\n");
        return html.toString();
    }

    private void banner() {
        boolean passed = results.path("passed").asBoolean();
        String error = text(results.path("error"));
        String state = error != null ? "not-carried-out" : passed ? "passed" : "failed";
        long checks = results.path("checks").size();
        long held = 0;
        for (JsonNode c : results.path("checks")) {
            held += c.path("passed").asBoolean() ? 1 : 0;
        }
        html.append("<header class=\"verdict ").append(state).append("\">\n<h1>")
                .append(error != null ? "NOT CARRIED OUT" : passed ? "PASSED" : "FAILED").append(" &middot; ")
                .append(Html.text(results.path("plan").asText())).append("</h1>\n<p>").append(held).append(" of ")
                .append(checks).append(" checks held");
        if (error != null) {
            html.append(" &middot; <strong>").append(Html.text(error)).append("</strong>");
        }
        JsonNode load = results.path("load");
        html.append("</p>\n<p class=\"facts\">started ").append(Html.text(results.path("startedAt").asText()))
                .append(" &middot; ").append(seconds(results.path("durationMs").asDouble())).append(" &middot; seed ")
                .append(results.path("seed").asLong()).append(" &middot; ")
                .append(Html.text(results.path("target").asText())).append("<br>")
                .append(Html.text(load.path("model").asText())).append(" model: target ")
                .append(number(load.path("targetRate").asDouble())).append("/s, achieved ")
                .append(number(load.path("achievedRate").asDouble())).append("/s, ").append(load.path("sent").asLong())
                .append(" sent, ").append(load.path("completed").asLong()).append(" completed, ")
                .append(load.path("dropped").asLong()).append(" dropped");
        JsonNode healed = results.path("faultsHealed");
        if (healed.isObject()) {
            html.append("<br>").append(healed.path("verified").asBoolean()
                    ? "every fault healed: no toxic or disabled proxy left on the run's links, no process stopped or dead, no clock skewed"
                    : "faults left behind: " + Html.text(joined(healed.path("leftovers"))));
        }
        html.append("</p>\n</header>\n");
    }

    private void checks() {
        html.append("<section id=\"checks\">\n<h2>Checks</h2>\n");
        if (results.path("checks").isEmpty()) {
            html.append("<p class=\"empty\">The plan has no checks.</p>\n</section>\n");
            return;
        }
        html.append("<table>\n<thead><tr><th>result</th><th>check</th><th>window</th><th class=\"num\">observed</th>"
                + "<th class=\"num\">limit</th><th>details</th></tr></thead>\n<tbody>\n");
        for (JsonNode c : results.path("checks")) {
            boolean passed = c.path("passed").asBoolean();
            String unit = c.path("unit").asText("");
            html.append("<tr class=\"").append(passed ? "pass" : "fail").append("\"><td>")
                    .append(passed ? "PASS" : "FAIL").append("</td><td>").append(Html.text(c.path("name").asText()))
                    .append("</td><td>").append(Html.text(c.path("window").asText())).append("</td><td class=\"num\">")
                    .append(c.path("observed").isNumber() ? number(c.path("observed").asDouble()) + unit : "no data")
                    .append("</td><td class=\"num\">").append(number(c.path("limit").asDouble())).append(unit)
                    .append("</td><td>").append(Html.text(c.path("message").asText()));
            if (c.path("details").size() > 0) {
                html.append("<ul class=\"details\">");
                c.path("details").forEach(d -> html.append("<li>").append(Html.text(d.asText())).append("</li>"));
                html.append("</ul>");
            }
            html.append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private void requests() {
        html.append("<section id=\"requests\">\n<h2>Requests</h2>\n");
        if (results.path("requests").isEmpty()) {
            html.append("<p class=\"empty\">No request was measured.</p>\n</section>\n");
            return;
        }
        html.append("<table>\n<thead><tr><th>request</th><th class=\"num\">sent</th><th class=\"num\">ok</th>"
                + "<th>errors</th><th class=\"num\">p50</th><th class=\"num\">p90</th><th class=\"num\">p99</th>"
                + "<th class=\"num\">p99.9</th><th class=\"num\">max</th></tr></thead>\n<tbody>\n");
        results.path("requests").fields().forEachRemaining(e -> {
            JsonNode r = e.getValue();
            JsonNode ms = r.path("latencyMs");
            List<String> errors = new ArrayList<>();
            r.path("errors").fields().forEachRemaining(k -> errors.add(k.getKey() + " " + k.getValue().asLong()));
            html.append("<tr><td>").append(Html.text(e.getKey())).append("</td><td class=\"num\">")
                    .append(r.path("count").asLong()).append("</td><td class=\"num\">").append(r.path("ok").asLong())
                    .append("</td><td>").append(errors.isEmpty() ? "none" : Html.text(String.join(", ", errors)));
            for (String p : List.of("p50", "p90", "p99", "p999", "max")) {
                html.append("</td><td class=\"num\">").append(number(ms.path(p).asDouble())).append("ms");
            }
            html.append("</td></tr>\n");
        });
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private void faults() {
        html.append("<section id=\"faults\">\n<h2>Faults</h2>\n");
        if (results.path("faults").isEmpty()) {
            html.append("<p class=\"empty\">No fault was injected.</p>\n</section>\n");
            return;
        }
        html.append("<table>\n<thead><tr><th>fault</th><th>type</th><th>target</th><th class=\"num\">started</th>"
                + "<th class=\"num\">healed</th></tr></thead>\n<tbody>\n");
        for (JsonNode f : results.path("faults")) {
            html.append("<tr><td>").append(Html.text(f.path("name").asText())).append("</td><td>")
                    .append(Html.text(f.path("type").asText())).append("</td><td>")
                    .append(Html.text(f.path("target").asText())).append("</td><td class=\"num\">")
                    .append(seconds(f.path("startMs").asDouble())).append("</td><td class=\"num\">")
                    .append(f.path("endMs").isNumber() ? seconds(f.path("endMs").asDouble()) : "never")
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private void section(Section section) {
        html.append("<section id=\"").append(section.id()).append("\">\n<h2>").append(Html.text(section.title()))
                .append("</h2>\n<p class=\"about\">").append(Html.text(section.about())).append("</p>\n");
        if (section.charts().isEmpty()) {
            html.append("<p class=\"empty\">").append(Html.text(section.whenEmpty())).append("</p>\n");
        } else {
            html.append(section.charts().size() == 1 ? "<div class=\"charts single\">\n" : "<div class=\"charts\">\n");
            section.charts().forEach(c -> html.append("<div class=\"chart\" id=\"chart-").append(c.id())
                    .append("\" data-chart=\"").append(c.id()).append("\"></div>\n"));
            html.append("</div>\n");
        }
        html.append("</section>\n");
    }

    private void planText() {
        html.append("<section id=\"plan\">\n<h2>Plan</h2>\n");
        String yaml = text(results.path("planYaml"));
        if (yaml == null) {
            html.append("<p class=\"empty\">The plan's text is not in these results.</p>\n");
        } else {
            html.append("<pre class=\"plan\">").append(Html.text(yaml)).append("</pre>\n");
        }
        html.append("</section>\n");
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the charts' data: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    private static String joined(JsonNode list) {
        List<String> items = new ArrayList<>();
        list.forEach(n -> items.add(n.asText()));
        return String.join("; ", items);
    }

    static String number(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.3g", value)).stripTrailingZeros().toPlainString();
    }

    private static String seconds(double ms) {
        return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
    }
}
