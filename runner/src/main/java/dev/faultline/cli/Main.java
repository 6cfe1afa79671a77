package dev.faultline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code faultline} command: run and validate plans, start the reference cluster alone. */
@Command(name = "faultline",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Chaos and load testing for the JVM: runs YAML plans that start a target, drive load, inject "
                + "faults and check what must still hold.",
        subcommands = {RunCommand.class, ValidateCommand.class, ReportCommand.class, ClusterCommand.class, ProxyCommand.class,
                CompareCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every check held",
            "1:a check failed",
            "2:a plan or the command line is invalid",
            "3:a run could not be carried out"})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code, without exiting (tests and the JUnit extension use this). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line (exit codes mapped), for callers that capture its output. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        exitCodes(cli);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("faultline: " + e.getMessage());
            if (parseResult.hasMatchedOption("--verbose")) {
                e.printStackTrace(commandLine.getErr());
            }
            return ExitCode.NOT_CARRIED_OUT.code();
        });
        return cli;
    }

    private static void exitCodes(CommandLine cli) {
        cli.getCommandSpec().exitCodeOnInvalidInput(ExitCode.INVALID.code());
        cli.getCommandSpec().exitCodeOnExecutionException(ExitCode.NOT_CARRIED_OUT.code());
        cli.getSubcommands().values().forEach(Main::exitCodes);
    }
}
