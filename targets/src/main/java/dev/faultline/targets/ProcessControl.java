package dev.faultline.targets;

import java.nio.file.Path;

/**
 * Control of a component that runs as its own OS process: what crash, pause and restart faults act on.
 * Every method returns once the change has happened (the process is gone, stopped, or listening again).
 */
public interface ProcessControl {

    /** The id of the current (or last) process. */
    long pid();

    /** True while the process exists, also while it is paused. */
    boolean isAlive();

    /** True while the process is stopped by SIGSTOP (as the operating system reports it, where it does). */
    boolean isPaused();

    /** A crash: SIGKILL, then waits until the process is gone. Nothing is flushed or closed by the component. */
    void kill();

    /** SIGSTOP: the process keeps its sockets but answers nothing until {@link #resume()}. */
    void pause();

    /** SIGCONT after {@link #pause()}. */
    void resume();

    /** A clean stop: SIGTERM (after SIGCONT if paused), then SIGKILL if it has not exited within a few seconds. */
    void stop();

    /**
     * Starts the component again with the same config, on the same port and data directory (stopping it first if it
     * still runs), and returns once it listens.
     */
    void restart();

    /** The component's own directory: its data, its description and its logs. Kept across restarts. */
    Path dataDir();

    /** The file the process's stderr (its log) goes to; restarts append to it. */
    Path log();
}
