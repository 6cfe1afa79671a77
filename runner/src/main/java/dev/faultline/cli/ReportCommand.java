package dev.faultline.cli;

import dev.faultline.plan.ReportSpec;
import dev.faultline.report.JsonResultsWriter;
import dev.faultline.report.ReportFormats;
import dev.faultline.report.ReportWriter;
import dev.faultline.report.Results;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code faultline report RESULTS}: renders every format again from a results.json, without running anything. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Render the report formats again from a results.json, without running anything.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every format was written",
            "2:the command line is invalid, or the results file cannot be read",
            "3:a format could not be written"})
final class ReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RESULTS", description = "A results.json written by faultline run.")
    Path resultsFile;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder to write into (default: the folder of RESULTS).")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", split = ",", converter = FormatConverter.class,
            description = "Formats to write, comma-separated (default: every format rendered from results: "
                    + "json, junit, html). results.json is not rewritten over itself.")
    List<ReportSpec.Format> formats;

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Results results;
        try {
            results = JsonResultsWriter.read(resultsFile);
        } catch (IOException e) {
            err.println("faultline: cannot read " + resultsFile + ": " + e.getMessage());
            return ExitCode.INVALID.code();
        }
        List<ReportSpec.Format> requested = formats != null ? formats
                : java.util.Arrays.stream(ReportSpec.Format.values()).filter(ReportFormats::rendered).toList();
        for (ReportSpec.Format format : requested) {
            if (!ReportFormats.rendered(format)) {
                err.println("faultline: " + format.key() + " is recorded during a run and cannot be rendered from "
                        + "results.json; skipped");
            }
        }
        Path dir = (out != null ? out : resultsFile).toAbsolutePath().normalize();
        dir = out != null ? dir : dir.getParent();
        boolean besideSource = dir.equals(resultsFile.toAbsolutePath().normalize().getParent());
        List<ReportSpec.Format> chosen = requested.stream()
                .filter(f -> !(besideSource && f == ReportSpec.Format.JSON)).toList();
        ExitCode exit = ExitCode.PASSED;
        for (ReportWriter writer : ReportFormats.renderers(chosen)) {
            try {
                Files.createDirectories(dir);
                console.println("wrote     " + writer.write(results, dir));
            } catch (IOException | RuntimeException e) {
                err.println("faultline: could not write the report in " + dir + ": " + e.getMessage());
                exit = ExitCode.NOT_CARRIED_OUT;
            }
        }
        console.flush();
        return exit.code();
    }

    /** Turns a format key ({@code html}) into its format; an unknown key lists the known ones. */
    static final class FormatConverter implements CommandLine.ITypeConverter<ReportSpec.Format> {
        @Override
        public ReportSpec.Format convert(String value) {
            try {
                return ReportSpec.Format.of(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
