package dev.faultline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code faultline cluster ...}: the bundled reference cluster on its own. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Work with the bundled reference cluster outside a plan run.",
        subcommands = {ClusterUpCommand.class})
final class ClusterCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
