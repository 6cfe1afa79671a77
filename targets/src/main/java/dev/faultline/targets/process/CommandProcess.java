package dev.faultline.targets.process;

import dev.faultline.targets.ProcessControl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A user's own service run as an OS process the run owns: a command line with its environment, its stdout kept in
 * {@code <dir>/<name>.out} and its stderr in {@code <dir>/<name>.log} (restarts append), ready when its
 * {@link ReadyProbe} passes. Signals go to the whole process tree (the command and what it started, e.g. behind a
 * {@code sh -c} wrapper), so a crash or a stop leaves nothing behind.
 *
 * <p>The child holds a pipe to this JVM on its stdin, and a shutdown hook of this JVM stops it if it is still there.
 */
public final class CommandProcess implements ProcessControl, AutoCloseable {
    private static final long STOP_GRACE_MS = 5_000;
    private static final int LOG_TAIL_LINES = 15;
    private static final long READY_POLL_MS = 100;

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final Path dir;
    private final Path log;
    private final Path out;
    private final ReadyProbe probe;
    private final Duration readyTimeout;
    private Process process;
    private boolean paused;

    private CommandProcess(String name, List<String> command, Map<String, String> environment, Path workingDirectory,
            Path dir, ReadyProbe probe, Duration readyTimeout) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory;
        this.dir = dir;
        this.log = dir.resolve(name + ".log");
        this.out = dir.resolve(name + ".out");
        this.probe = probe;
        this.readyTimeout = readyTimeout;
    }

    /**
     * Starts the command and returns once {@code probe} passes.
     *
     * @param environment      added to this JVM's environment
     * @param workingDirectory where the command runs (relative paths in it resolve from there)
     * @param dir              the component's own folder for its output; emptied first
     * @throws ComponentStartException when the command cannot be launched, exits before it is ready, or is not ready
     *                                 within {@code readyTimeout} (it is stopped then); the message quotes its output
     */
    public static CommandProcess start(String name, List<String> command, Map<String, String> environment,
            Path workingDirectory, Path dir, ReadyProbe probe, Duration readyTimeout) {
        CommandProcess started = launch(name, command, environment, workingDirectory, dir, probe, readyTimeout);
        started.awaitReady();
        return started;
    }

    /**
     * Starts the command without waiting for it: call {@link #awaitReady()} next. Launching several before awaiting
     * any starts them in parallel. The parameters are those of {@link #start}.
     *
     * @throws ComponentStartException when the command cannot be launched
     */
    public static CommandProcess launch(String name, List<String> command, Map<String, String> environment,
            Path workingDirectory, Path dir, ReadyProbe probe, Duration readyTimeout) {
        CommandProcess launched = new CommandProcess(name, command, environment, workingDirectory, dir, probe,
                readyTimeout);
        launched.emptyDirectory();
        launched.launch();
        return launched;
    }

    private void emptyDirectory() {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            } catch (IOException e) {
                throw new ComponentStartException("cannot empty " + dir + " for " + name + ": " + e.getMessage(), e);
            }
        }
    }

    private synchronized void launch() {
        try {
            Files.createDirectories(dir);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
            paused = false;
            LiveChildren.add(process);
        } catch (IOException e) {
            throw new ComponentStartException("cannot run " + name + " (" + String.join(" ", command) + ") in "
                    + workingDirectory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns once the probe passes.
     *
     * @throws ComponentStartException when the command exits first, or is not ready within the ready timeout (it is
     *                                 stopped then); the message quotes its output
     */
    public void awaitReady() {
        long deadline = System.nanoTime() + readyTimeout.toNanos();
        Process launched;
        synchronized (this) {
            launched = process;
        }
        while (!probe.check()) {
            if (!launched.isAlive()) {
                throw new ComponentStartException(name + " exited with status " + launched.exitValue()
                        + " before it was ready (" + probe.describe() + "); " + outputTail(), null);
            }
            if (System.nanoTime() > deadline) {
                stop();
                throw new ComponentStartException(name + " was not ready within " + readyTimeout.toSeconds()
                        + " s (" + probe.lastFailure() + ") and was stopped; " + outputTail(), null);
            }
            try {
                Thread.sleep(READY_POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
                throw new ComponentStartException("interrupted while waiting for " + name + " to be ready", e);
            }
        }
    }

    /** The end of the command's stdout and stderr. */
    private String outputTail() {
        return LogTail.of(out, LOG_TAIL_LINES) + "\n" + LogTail.of(log, LOG_TAIL_LINES);
    }

    public String name() {
        return name;
    }

    @Override
    public synchronized long pid() {
        return process.pid();
    }

    @Override
    public synchronized boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL to the command and everything it started, then waits until the command is gone. */
    @Override
    public synchronized void kill() {
        List<ProcessHandle> tree = tree();
        tree.forEach(ProcessHandle::destroyForcibly);
        awaitGone(tree, STOP_GRACE_MS);
        paused = false;
    }

    @Override
    public synchronized boolean isPaused() {
        return paused && isAlive();
    }

    @Override
    public synchronized void pause() {
        requireAlive("pause");
        signalTree("STOP");
        paused = true;
    }

    @Override
    public synchronized void resume() {
        requireAlive("resume");
        signalTree("CONT");
        paused = false;
    }

    /** SIGTERM to the tree (after SIGCONT if paused), then SIGKILL to what is left after a grace period. */
    @Override
    public synchronized void stop() {
        List<ProcessHandle> tree = tree();
        if (!process.isAlive()) {
            tree.forEach(ProcessHandle::destroyForcibly);
            return;
        }
        if (paused) {
            signalTree("CONT");
            paused = false;
        }
        tree.forEach(ProcessHandle::destroy);
        awaitGone(tree, STOP_GRACE_MS);
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        awaitGone(tree, STOP_GRACE_MS);
    }

    /** Stops the command if it runs, starts it again with the same command line and environment, awaits ready. */
    @Override
    public void restart() {
        synchronized (this) {
            stop();
            launch();
        }
        awaitReady();
    }

    @Override
    public Path dataDir() {
        return dir;
    }

    @Override
    public Path log() {
        return log;
    }

    /** The file the command's stdout goes to; restarts append to it. */
    public Path output() {
        return out;
    }

    /** Stops the command (see {@link #stop()}); idempotent. */
    @Override
    public void close() {
        stop();
    }

    /** The command's descendants, deepest first, then the command itself: taken before any of them exits. */
    private List<ProcessHandle> tree() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        Collections.reverse(tree);
        tree.add(process.toHandle());
        return tree;
    }

    private void signalTree(String signal) {
        for (ProcessHandle handle : tree()) {
            if (handle.isAlive()) {
                Signals.send(signal, handle.pid());
            }
        }
    }

    private void requireAlive(String action) {
        if (!process.isAlive()) {
            throw new IllegalStateException("cannot " + action + " " + name + ": its process " + process.pid()
                    + " has exited (status " + process.exitValue() + ")");
        }
    }

    /** Waits until every process of {@code tree} has exited, or the time is up. */
    private static void awaitGone(List<ProcessHandle> tree, long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                // still there when the time is up: the caller escalates or reports
            }
        }
    }

    @Override
    public String toString() {
        return "CommandProcess[" + name + ", pid " + process.pid() + "]";
    }
}
