package dev.faultline.cli;

import dev.faultline.plan.Plan;
import dev.faultline.plan.ReportSpec;
import dev.faultline.report.Results;
import dev.faultline.run.LiveMetricsEndpoint;
import dev.faultline.run.PlanRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code faultline run PLAN...}: runs plans one after another and exits with the worst outcome. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run plans: start the target, drive the load, inject the faults, verify the checks, write the "
                + "report. All plans are validated before the first one starts.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every check held",
            "1:a check failed",
            "2:a plan or the command line is invalid",
            "3:a run could not be carried out"})
final class RunCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PLAN", description = "Plan files (YAML).")
    List<Path> plans;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Report root: each plan writes to DIR/<plan-name>/ (default: the plan's report.dir, "
                    + "target/faultline).")
    Path out;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a plan value by its path, e.g. --set load.stages[0].rate=50/s (repeatable).")
    List<String> overrides = List.of();

    @Option(names = "--seed", paramLabel = "N", description = "Seed for every random choice (overrides the plan's).")
    Long seed;

    @Option(names = "--format", paramLabel = "FORMAT", split = ",", converter = ReportCommand.FormatConverter.class,
            description = "Report formats to write, comma-separated: json, junit, hlog, html (default: the plan's "
                    + "report.formats, every format). results.json is always written.")
    List<ReportSpec.Format> formats;

    @Option(names = "--verbose", description = "Print the cause chain of errors.")
    boolean verbose;

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve live figures (rate, p99, errors by kind, active faults) in Prometheus text format on "
                    + "http://127.0.0.1:PORT/metrics while the plans run.")
    Integer metricsPort;

    @Override
    public Integer call() {
        List<Plan> parsed = PlanFiles.parseAll(plans, overrides, seed, spec.commandLine().getErr());
        if (parsed == null) {
            return ExitCode.INVALID.code();
        }
        PrintWriter console = spec.commandLine().getOut();
        Optional<LiveMetricsEndpoint> live;
        try {
            live = metricsPort == null ? Optional.empty() : Optional.of(LiveMetricsEndpoint.start(metricsPort));
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("faultline: cannot serve live metrics on 127.0.0.1:" + metricsPort
                    + ": " + e.getMessage());
            return ExitCode.NOT_CARRIED_OUT.code();
        }
        live.ifPresent(l -> console.println("metrics   http://127.0.0.1:" + l.port() + "/metrics"));
        ExitCode worst = ExitCode.PASSED;
        try {
            for (int i = 0; i < parsed.size(); i++) {
                Plan plan = parsed.get(i);
                plan = formats == null ? plan : plan.withReport(plan.report().withFormats(formats));
                Path root = out != null ? out : Path.of(plan.report().dir());
                Results results = new PlanRun(plan, root.resolve(plan.name()), console, planText(plans.get(i)), live)
                        .execute();
                worst = worst.worst(results.error() != null ? ExitCode.NOT_CARRIED_OUT
                        : results.passed() ? ExitCode.PASSED : ExitCode.CHECK_FAILED);
            }
        } finally {
            live.ifPresent(LiveMetricsEndpoint::close);
        }
        console.flush();
        return worst.code();
    }

    /** The plan file's text as run: its overrides (and --seed) follow as comments. Null when it cannot be read. */
    private String planText(Path file) {
        try {
            StringBuilder text = new StringBuilder(Files.readString(file));
            for (String override : overrides) {
                text.append(text.isEmpty() || text.charAt(text.length() - 1) == '\n' ? "" : "\n");
                text.append("# --set ").append(override);
            }
            if (seed != null) {
                text.append(text.charAt(text.length() - 1) == '\n' ? "" : "\n").append("# --seed ").append(seed);
            }
            return text.toString();
        } catch (IOException e) {
            return null;
        }
    }
}
