package dev.faultline.targets;

import dev.faultline.targets.process.CommandProcess;
import java.nio.file.Path;
import java.util.List;

/**
 * A user's own service, started from a command line as a process the run owns ({@link CommandTargetConfig}). The
 * load reaches it through the fault proxy over the link {@code client-><name>}, so link faults apply to it, and its
 * process is a {@link Component} with a {@link ProcessControl}, so crash, pause and restart faults apply too. Its
 * stdout and stderr are kept in {@code <workDir>/<name>/}. Closing it stops the process tree (SIGTERM, then SIGKILL
 * after a grace period) and the fault proxy.
 */
public final class CommandTarget extends ServiceTarget {

    private final CommandTargetConfig config;
    private CommandProcess process;

    private CommandTarget(CommandTargetConfig config) {
        super(config.faultProxy());
        this.config = config;
    }

    /**
     * Starts the fault proxy and the command, and returns once the service is ready.
     *
     * @throws TargetStartException when the command cannot start or is not ready in time (everything started is
     *                              stopped first); the message quotes the end of its output
     */
    public static CommandTarget start(CommandTargetConfig config) {
        if (config.nodes() != 1) {
            throw new IllegalArgumentException("a command target of " + config.nodes() + " nodes is started by "
                    + "CommandNodesTarget.start; CommandTarget.start starts one");
        }
        return TargetStartup.guarded(() -> new CommandTarget(config), t -> t::startAll,
                "the command target " + config.name());
    }

    @Override
    void startService() {
        int port = config.port() != 0 ? config.port() : FreePorts.pick(HOST, List.of(config.name())).get(config.name());
        Path workDir = CommandInstances.workDir(config);
        process = started.push(CommandInstances.launch(config, config.single(port), workDir));
        CommandInstances.awaitReady(process);
        linkTo(CommandInstances.component(process, port));
    }

    @Override
    public String description() {
        return "command " + config.name() + ": " + String.join(" ", config.command())
                + (process == null ? "" : " (pid " + process.pid() + ", output in " + process.dataDir() + ")");
    }

    /** The service's process: what crash, pause and restart act on. */
    public CommandProcess process() {
        return process;
    }
}
