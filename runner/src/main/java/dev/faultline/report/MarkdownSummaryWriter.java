package dev.faultline.report;

import dev.faultline.check.Numbers;
import dev.faultline.check.Verdict;
import dev.faultline.fault.FaultRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes {@code summary.md}: the verdict, a table of checks (observed next to limit), then the key figures of the
 * load, its requests and its faults. GitHub-flavoured Markdown, for {@code $GITHUB_STEP_SUMMARY} and PR comments.
 */
public final class MarkdownSummaryWriter implements ReportWriter {
    public static final String FILE = "summary.md";

    @Override
    public Path write(Results results, Path dir) throws IOException {
        return Files.writeString(dir.resolve(FILE), render(results), StandardCharsets.UTF_8);
    }

    /** The summary as Markdown text. */
    public static String render(Results results) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(headline(results)).append("\n\n");
        md.append(String.format(Locale.ROOT, "Plan `%s` · seed %d · started %s · %.1f s · %s%n%n",
                results.plan(), results.seed(), results.startedAt(), results.durationMs() / 1000.0,
                cell(results.target())));
        if (results.error() != null) {
            md.append("> **The run could not be carried out:** ").append(results.error()).append("\n\n");
        }
        checks(results.checks(), md);
        load(results, md);
        faults(results, md);
        return md.toString();
    }

    private static String headline(Results results) {
        if (results.error() != null) {
            return "⚠️ ERROR " + results.plan() + ": not carried out";
        }
        long total = results.checks().size();
        return String.format(Locale.ROOT, "%s %s: %d of %d checks held", results.passed() ? "✅ PASSED" : "❌ FAILED",
                results.plan(), total - results.failedChecks(), total);
    }

    private static void checks(List<Verdict> checks, StringBuilder md) {
        if (checks.isEmpty()) {
            md.append("No checks.\n\n");
            return;
        }
        md.append("| | Check | Type | Window | Observed | Limit |\n|---|---|---|---|---|---|\n");
        for (Verdict v : checks) {
            md.append("| ").append(v.passed() ? "✅ pass" : "❌ **fail**").append(" | ").append(cell(v.name()))
                    .append(" | ").append(v.type()).append(" | ").append(cell(v.window())).append(" | ")
                    .append(Numbers.withUnit(v.observed(), v.unit())).append(" | ").append(bound(v))
                    .append(Numbers.withUnit(v.limit(), v.unit())).append(" |\n");
        }
        md.append('\n');
        for (Verdict v : checks) {
            List<String> details = ResultsTree.details(v);
            if (!v.passed() || !details.isEmpty()) {
                md.append("- **").append(cell(v.name())).append("**: ").append(v.message()).append('\n');
                details.forEach(d -> md.append("  - ").append(d).append('\n'));
            }
        }
        if (checks.stream().anyMatch(v -> !v.passed() || !ResultsTree.details(v).isEmpty())) {
            md.append('\n');
        }
    }

    private static void load(Results results, StringBuilder md) {
        Results.Load load = results.load();
        md.append("### Load\n\n");
        md.append(String.format(Locale.ROOT,
                "%s model: target %.1f/s, achieved **%.1f/s**; %d sent, %d completed, %d dropped%n%n",
                load.model(), load.targetRate(), load.achievedRate(), load.sent(), load.completed(), load.dropped()));
        if (results.requests().isEmpty()) {
            return;
        }
        md.append("| Request | Sent | OK | p50 | p99 | max | Errors |\n|---|---:|---:|---:|---:|---:|---|\n");
        results.requests().forEach((name, r) -> md.append("| ").append(cell(name)).append(" | ").append(r.count())
                .append(" | ").append(r.ok()).append(" | ").append(Numbers.ms(r.latencyMs().p50())).append(" | ")
                .append(Numbers.ms(r.latencyMs().p99())).append(" | ").append(Numbers.ms(r.latencyMs().max()))
                .append(" | ").append(errors(r.errors())).append(" |\n"));
        md.append('\n');
    }

    private static void faults(Results results, StringBuilder md) {
        if (results.faults().isEmpty()) {
            return;
        }
        md.append("### Faults\n\n| Fault | Type | Target | Started | Healed |\n|---|---|---|---:|---:|\n");
        for (FaultRecord f : results.faults()) {
            md.append("| ").append(cell(f.name())).append(" | ").append(f.type()).append(" | `")
                    .append(f.target()).append("` | ").append(seconds(f.startMs())).append(" | ")
                    .append(f.endMs() == null ? "not healed" : seconds(f.endMs())).append(" |\n");
        }
        md.append('\n');
        if (results.faultsHealed() != null) {
            md.append(results.faultsHealed().verified()
                    ? "Every fault healed: no toxic or disabled proxy was left on the run's links.\n"
                    : "**Faults left behind:** " + String.join("; ", results.faultsHealed().leftovers()) + "\n");
        }
    }

    private static String errors(Map<String, Long> errors) {
        return errors.isEmpty() ? "none" : errors.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
    }

    private static String bound(Verdict v) {
        return v.type().equals("availability") ? "≥ " : "≤ ";
    }

    /** Text safe inside a table cell: pipes escaped, line breaks flattened. */
    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace('\n', ' ');
    }
}
