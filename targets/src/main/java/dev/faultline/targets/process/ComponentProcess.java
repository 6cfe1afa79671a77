package dev.faultline.targets.process;

import dev.faultline.cluster.launch.ComponentDescription;
import dev.faultline.cluster.launch.ComponentMain;
import dev.faultline.targets.ProcessControl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One component of the reference cluster running as its own OS process ({@link ComponentMain}), in its own directory
 * {@code <workDir>/<name>/}: {@code component.json} (what it runs), {@code <name>.log} (its stderr: the log) and
 * {@code <name>.out} (its stdout: the ready line). The first start may pick a free port; the description is then
 * pinned to that port, so a restart comes back on the same address and the fault-proxy links keep pointing at it.
 *
 * <p>The child holds a pipe to this JVM on its stdin and exits when it ends, so it does not outlive the runner.
 */
public final class ComponentProcess implements ProcessControl, AutoCloseable {
    /**
     * How long a component may take from launch to its ready line. One component JVM alone was measured taking 9 s to
     * its ready line on a shared two-core machine under load, and a cluster starts several at once. The system
     * property {@code faultline.start-timeout-seconds} changes it (the integration tests use 90).
     */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(
            Long.getLong("faultline.start-timeout-seconds", 30L));
    private static final long STOP_GRACE_MS = 5_000;
    private static final int LOG_TAIL_LINES = 20;
    private static final long READY_POLL_MS = 20;

    private final String name;
    private final Path dir;
    private final Path descriptionFile;
    private final Path log;
    private final Path out;
    private final Duration startTimeout;
    private ComponentDescription description;
    private Process process;
    private long outOffset;
    private int port;
    private boolean paused;

    private ComponentProcess(ComponentDescription description, Path workDir, Duration startTimeout) {
        this.name = description.name();
        this.description = description;
        this.dir = workDir.resolve(name);
        this.descriptionFile = dir.resolve("component.json");
        this.log = dir.resolve(name + ".log");
        this.out = dir.resolve(name + ".out");
        this.startTimeout = startTimeout;
    }

    /**
     * Launches the component without waiting for it: call {@link #awaitReady()} next. Launching several before awaiting
     * any starts them in parallel. A new component starts on an empty directory: whatever a previous run left in
     * {@code workDir/<name>/} is removed first (a {@link #restart()} keeps it).
     */
    public static ComponentProcess launch(ComponentDescription description, Path workDir, Duration startTimeout) {
        ComponentProcess component = new ComponentProcess(description, workDir, startTimeout);
        component.emptyDirectory();
        component.launch();
        return component;
    }

    /** Launches and waits until it listens; see {@link #awaitReady()}. */
    public static ComponentProcess start(ComponentDescription description, Path workDir) {
        ComponentProcess component = launch(description, workDir, START_TIMEOUT);
        component.awaitReady();
        return component;
    }

    private void emptyDirectory() {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new ComponentStartException("cannot empty " + dir + " for a new " + name + ": " + e.getMessage(), e);
        }
    }

    private synchronized void launch() {
        try {
            Files.createDirectories(dir);
            description.write(descriptionFile);
            outOffset = Files.exists(out) ? Files.size(out) : 0;
            ProcessBuilder builder = new ProcessBuilder(
                    JavaCommand.of(ComponentMain.class.getName(), List.of(descriptionFile.toString())))
                    .directory(dir.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            process = builder.start();
            paused = false;
            LiveChildren.add(process);
        } catch (IOException e) {
            throw new ComponentStartException("cannot launch " + name + " as a process in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Waits for the ready line. The first time, pins the description to the port the component listens on.
     *
     * @throws ComponentStartException naming the component and quoting its log when it exits first or is not ready
     *                                 within the start timeout (it is killed then)
     */
    public void awaitReady() {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        Process launched;
        synchronized (this) {
            launched = process;
        }
        while (true) {
            Integer ready = readyPort();
            if (ready != null) {
                pin(ready);
                return;
            }
            if (!launched.isAlive()) {
                throw new ComponentStartException(name + " exited with status " + launched.exitValue()
                        + " before it was ready; " + LogTail.of(log, LOG_TAIL_LINES), null);
            }
            if (System.nanoTime() > deadline) {
                kill();
                throw new ComponentStartException(name + " was not ready within " + startTimeout.toSeconds()
                        + " s and was killed; " + LogTail.of(log, LOG_TAIL_LINES), null);
            }
            try {
                Thread.sleep(READY_POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
                throw new ComponentStartException("interrupted while waiting for " + name + " to start", e);
            }
        }
    }

    private synchronized void pin(int readyPort) {
        port = readyPort;
        if (description.port() != readyPort) {
            description = description.withPort(readyPort);
            try {
                description.write(descriptionFile);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + descriptionFile, e);
            }
        }
    }

    /** The port from a line {@code READY <name> <port>} written since the last launch, or null. */
    private Integer readyPort() {
        String prefix = ComponentMain.READY + " " + name + " ";
        try {
            byte[] bytes = Files.readAllBytes(out);
            String written = new String(bytes, (int) Math.min(outOffset, bytes.length),
                    (int) Math.max(0, bytes.length - outOffset), StandardCharsets.UTF_8);
            for (String line : written.split("\n")) {
                if (line.startsWith(prefix)) {
                    return Integer.parseInt(line.substring(prefix.length()).trim());
                }
            }
            return null;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    public String name() {
        return name;
    }

    /** Where the component listens (known once ready; the same after restarts). */
    public synchronized InetSocketAddress address() {
        return new InetSocketAddress(description.host(), port);
    }

    /** What it runs, with the port pinned once ready. */
    public synchronized ComponentDescription description() {
        return description;
    }

    @Override
    public synchronized long pid() {
        return process.pid();
    }

    @Override
    public synchronized boolean isAlive() {
        return process.isAlive();
    }

    /** Linux: the state letter in {@code /proc/<pid>/stat} ('T': stopped); elsewhere what this object did last. */
    @Override
    public synchronized boolean isPaused() {
        if (!process.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            String text = Files.readString(stat);
            String afterName = text.substring(text.lastIndexOf(')') + 1).strip();
            return afterName.startsWith("T") || afterName.startsWith("t");
        } catch (IOException | RuntimeException e) {
            return paused;
        }
    }

    @Override
    public synchronized void kill() {
        process.destroyForcibly();
        waitForExit(process, STOP_GRACE_MS);
        paused = false;
    }

    /** SIGSTOP, then waits until the operating system reports the process stopped (delivery is asynchronous). */
    @Override
    public synchronized void pause() {
        requireAlive("pause");
        Signals.send("STOP", process.pid());
        paused = true;
        awaitPaused(true);
    }

    /** SIGCONT, then waits until the operating system no longer reports the process stopped. */
    @Override
    public synchronized void resume() {
        requireAlive("resume");
        Signals.send("CONT", process.pid());
        paused = false;
        awaitPaused(false);
    }

    private void awaitPaused(boolean expected) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_GRACE_MS);
        while (isPaused() != expected) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " (process " + process.pid() + ") is " + (expected ? "not " : "")
                        + "stopped " + STOP_GRACE_MS / 1000 + " s after SIG" + (expected ? "STOP" : "CONT"));
            }
            try {
                Thread.sleep(READY_POLL_MS / 4);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name + " to " + (expected ? "stop" : "resume"), e);
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (!process.isAlive()) {
            return;
        }
        if (paused) {
            Signals.send("CONT", process.pid());
            paused = false;
        }
        process.destroy();
        if (!waitForExit(process, STOP_GRACE_MS)) {
            kill();
        }
    }

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

    /** Stops the process (see {@link #stop()}); idempotent. */
    @Override
    public void close() {
        stop();
    }

    private void requireAlive(String action) {
        if (!process.isAlive()) {
            throw new IllegalStateException("cannot " + action + " " + name + ": its process " + process.pid()
                    + " has exited (status " + process.exitValue() + ")");
        }
    }

    private boolean waitForExit(Process p, long millis) {
        try {
            return p.waitFor(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return false;
        }
    }

    @Override
    public String toString() {
        return "ComponentProcess[" + name + ", pid " + process.pid() + ", port " + port + "]";
    }
}
