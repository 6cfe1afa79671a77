package dev.faultline.cli;

import dev.faultline.compare.Comparison;
import dev.faultline.compare.ComparisonPrinter;
import dev.faultline.compare.Thresholds;
import dev.faultline.plan.Durations;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code faultline compare BASELINE CURRENT}: did the current run regress against the baseline? */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare two results.json files request by request: latency at p50, p75, p90, p99 and p99.9 "
                + "(whole distributions from the latency.hlog beside each file when both have one) and availability.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:nothing regressed",
            "1:a request regressed beyond the thresholds",
            "2:a file is missing or not a results.json, or the command line is invalid"})
final class CompareCommand implements Callable<Integer> {
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASELINE", description = "results.json of the baseline run.")
    Path baseline;

    @Parameters(index = "1", paramLabel = "CURRENT", description = "results.json of the run to judge.")
    Path current;

    @Option(names = "--threshold", paramLabel = "PERCENT",
            description = "A percentile regressed when it rose by at least this share (default: 20%%) ...")
    String threshold = "20%";

    @Option(names = "--min-shift", paramLabel = "DURATION",
            description = "... and by at least this much (default: 10ms).")
    String minShift = "10ms";

    @Option(names = "--min-percentiles", paramLabel = "N",
            description = "A request regressed when at least N of its compared percentiles did (default: 2).")
    int minPercentiles = Thresholds.DEFAULTS.minPercentiles();

    @Option(names = "--min-tail-samples", paramLabel = "N",
            description = "Judge a percentile only when at least N requests of each run lie above it (default: 20).")
    int minTailSamples = Thresholds.DEFAULTS.minTailSamples();

    @Option(names = "--availability-drop", paramLabel = "PERCENT",
            description = "A request regressed when its availability fell by more than these points (default: 0.5%%).")
    String availabilityDrop = "0.5%";

    @Override
    public Integer call() {
        Thresholds thresholds;
        try {
            thresholds = new Thresholds(percent("--threshold", threshold),
                    Durations.parse(minShift).toNanos() / 1e6, minPercentiles,
                    percent("--availability-drop", availabilityDrop), minTailSamples);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("faultline compare: " + e.getMessage());
            return ExitCode.INVALID.code();
        }
        Comparison comparison;
        try {
            comparison = Comparison.of(baseline, current, thresholds);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("faultline compare: " + e.getMessage());
            return ExitCode.INVALID.code();
        }
        new ComparisonPrinter(spec.commandLine().getOut()).print(comparison);
        return comparison.regressed() ? ExitCode.CHECK_FAILED.code() : ExitCode.PASSED.code();
    }

    private static double percent(String option, String text) {
        Matcher m = PERCENT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(option + ": expected a number followed by % (e.g. 20%), not '" + text + "'");
        }
        return Double.parseDouble(m.group(1));
    }
}
