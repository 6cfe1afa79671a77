package dev.faultline.targets;

import dev.faultline.targets.process.CommandProcess;
import dev.faultline.targets.process.ComponentStartException;
import dev.faultline.targets.process.ReadyProbe;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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
    private Path workDir;

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
        CommandTarget target = new CommandTarget(config);
        return TargetStartup.guarded(target, target::startAll, "the command target " + config.name());
    }

    @Override
    void startService() {
        int port = config.port() != 0 ? config.port() : FreePorts.pick(HOST, List.of(config.name())).get(config.name());
        InetSocketAddress address = new InetSocketAddress(HOST, port);
        URI readyUrl = config.resolvedReady(port);
        ReadyProbe probe = readyUrl == null ? ReadyProbe.tcp(address) : ReadyProbe.http(readyUrl);
        Path workingDirectory = config.workingDirectory() == null ? Path.of("").toAbsolutePath()
                : config.workingDirectory().toAbsolutePath();
        try {
            process = started.push(CommandProcess.start(config.name(), config.resolvedCommand(port),
                    config.resolvedEnvironment(port), workingDirectory, createdWorkDir().resolve(config.name()),
                    probe, config.readyTimeout()));
        } catch (ComponentStartException e) {
            throw new TargetStartException(e.getMessage(), e);
        }
        linkTo(new Component(config.name(), Component.Kind.SERVICE, address, Optional.of(process)));
    }

    private Path createdWorkDir() {
        if (workDir == null) {
            try {
                workDir = config.workDir() != null ? Files.createDirectories(config.workDir().toAbsolutePath())
                        : Files.createTempDirectory("faultline-command-");
            } catch (IOException e) {
                throw new TargetStartException("cannot create the folder for " + config.name() + "'s output: "
                        + e.getMessage(), e);
            }
        }
        return workDir;
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
