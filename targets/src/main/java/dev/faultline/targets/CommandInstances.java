package dev.faultline.targets;

import dev.faultline.targets.process.CommandProcess;
import dev.faultline.targets.process.ComponentStartException;
import dev.faultline.targets.process.ReadyProbe;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** How a command target launches one instance of its command and waits for it: what one node and several share. */
final class CommandInstances {
    private CommandInstances() {
    }

    /** The folder that gets one folder per instance: the configured one (created), or a new temporary directory. */
    static Path workDir(CommandTargetConfig config) {
        try {
            return config.workDir() != null ? Files.createDirectories(config.workDir().toAbsolutePath())
                    : Files.createTempDirectory("faultline-command-");
        } catch (IOException e) {
            throw new TargetStartException("cannot create the folder for " + config.name() + "'s output: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Launches {@code instance} with its placeholders replaced, its output in {@code <workDir>/<name>/}, without
     * waiting for it to be ready ({@link #awaitReady}).
     */
    static CommandProcess launch(CommandTargetConfig config, CommandTargetConfig.Instance instance, Path workDir) {
        InetSocketAddress address = new InetSocketAddress(ServiceTarget.HOST, instance.port());
        URI readyUrl = config.resolvedReady(instance);
        ReadyProbe probe = readyUrl == null ? ReadyProbe.tcp(address) : ReadyProbe.http(readyUrl);
        Path workingDirectory = config.workingDirectory() == null ? Path.of("").toAbsolutePath()
                : config.workingDirectory().toAbsolutePath();
        try {
            return CommandProcess.launch(instance.name(), config.resolvedCommand(instance),
                    config.resolvedEnvironment(instance), workingDirectory, workDir.resolve(instance.name()), probe,
                    config.readyTimeout());
        } catch (ComponentStartException e) {
            throw new TargetStartException(e.getMessage(), e);
        }
    }

    /** Waits until {@code process} is ready; a failure is the target's failure to start, quoting its output. */
    static void awaitReady(CommandProcess process) {
        try {
            process.awaitReady();
        } catch (ComponentStartException e) {
            throw new TargetStartException(e.getMessage(), e);
        }
    }

    /** The instance as a component the faults can crash, pause and restart. */
    static Component component(CommandProcess process, int port) {
        return new Component(process.name(), Component.Kind.SERVICE, new InetSocketAddress(ServiceTarget.HOST, port),
                java.util.Optional.of(process));
    }
}
