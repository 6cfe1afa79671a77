package dev.faultline.targets;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Crash, pause and restart of a container through the Docker API: SIGKILL, the cgroup freezer (pause/unpause) and a
 * start of the same container, whose published ports are fixed on 127.0.0.1 so the fault-proxy link still points at
 * it after a restart. Also cuts the container off its networks and back ({@link #disconnect()}, {@link #reconnect()}).
 */
final class ContainerControl implements ProcessControl {
    private static final Duration GONE_TIMEOUT = Duration.ofSeconds(10);
    private static final int STOP_GRACE_SECONDS = 5;
    private static final long POLL_MS = 50;

    private final DockerClient docker;
    private final String containerId;
    private final String name;
    private final Path dir;
    private final Runnable awaitReady;
    private final List<String> disconnected = new ArrayList<>();

    /**
     * @param awaitReady returns once the started container is ready (the target's wait strategy), or throws
     */
    ContainerControl(DockerClient docker, String containerId, String name, Path dir, Runnable awaitReady) {
        this.docker = docker;
        this.containerId = containerId;
        this.name = name;
        this.dir = dir;
        this.awaitReady = awaitReady;
    }

    private InspectContainerResponse.ContainerState state() {
        return docker.inspectContainerCmd(containerId).exec().getState();
    }

    /** The host pid of the container's first process. */
    @Override
    public long pid() {
        Long pid = state().getPidLong();
        return pid == null ? 0 : pid;
    }

    @Override
    public boolean isAlive() {
        return Boolean.TRUE.equals(state().getRunning());
    }

    /** What the engine says: frozen by the cgroup freezer. */
    @Override
    public boolean isPaused() {
        return Boolean.TRUE.equals(state().getPaused());
    }

    @Override
    public synchronized void kill() {
        if (Boolean.TRUE.equals(state().getPaused())) {
            docker.unpauseContainerCmd(containerId).exec();
        }
        if (isAlive()) {
            docker.killContainerCmd(containerId).withSignal("SIGKILL").exec();
        }
        long deadline = System.nanoTime() + GONE_TIMEOUT.toNanos();
        while (isAlive()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("container " + name + " still runs " + GONE_TIMEOUT.toSeconds()
                        + " s after SIGKILL");
            }
            sleep();
        }
    }

    @Override
    public synchronized void pause() {
        requireRunning("pause");
        docker.pauseContainerCmd(containerId).exec();
    }

    @Override
    public synchronized void resume() {
        requireRunning("resume");
        docker.unpauseContainerCmd(containerId).exec();
    }

    /** SIGTERM, then SIGKILL after a grace period (Docker's stop); the container is kept for a restart. */
    @Override
    public synchronized void stop() {
        InspectContainerResponse.ContainerState state = state();
        if (Boolean.TRUE.equals(state.getPaused())) {
            docker.unpauseContainerCmd(containerId).exec();
        }
        if (Boolean.TRUE.equals(state.getRunning())) {
            docker.stopContainerCmd(containerId).withTimeout(STOP_GRACE_SECONDS).exec();
        }
    }

    /** Stops the container if it runs, starts it again (same ports, same files) and returns once it is ready. */
    @Override
    public void restart() {
        synchronized (this) {
            stop();
            docker.startContainerCmd(containerId).exec();
        }
        try {
            awaitReady.run();
        } catch (RuntimeException e) {
            throw new IllegalStateException("container " + name + " was not ready after its restart: " + e.getMessage(), e);
        }
    }

    /**
     * Disconnects the container from every network it is on: nothing reaches it, not even through its published
     * ports, until {@link #reconnect()}.
     */
    synchronized void disconnect() {
        for (String network : docker.inspectContainerCmd(containerId).exec().getNetworkSettings().getNetworks().keySet()) {
            docker.disconnectFromNetworkCmd().withNetworkId(network).withContainerId(containerId).exec();
            disconnected.add(network);
        }
    }

    /** The networks {@link #disconnect()} took the container off and that it is not connected to again. */
    synchronized List<String> disconnectedNetworks() {
        return List.copyOf(disconnected);
    }

    /** Connects the container again to the networks {@link #disconnect()} took it off. */
    synchronized void reconnect() {
        for (String network : disconnected) {
            docker.connectToNetworkCmd().withNetworkId(network).withContainerId(containerId).exec();
        }
        disconnected.clear();
    }

    @Override
    public Path dataDir() {
        return dir;
    }

    /** The container's output (stdout and stderr), written when the target stops. */
    @Override
    public Path log() {
        return dir.resolve(name + ".log");
    }

    private void requireRunning(String action) {
        if (!isAlive()) {
            throw new IllegalStateException("cannot " + action + " container " + name + ": it is not running");
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
