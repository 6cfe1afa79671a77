package dev.faultline.run;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A JVM shutdown hook for the length of one run: when the runner is interrupted (Ctrl-C, SIGTERM) it stops the load,
 * lets the run write what it measured, then heals faults and stops the target.
 */
final class Interruption {
    private final Thread hook;
    private final AtomicBoolean happened = new AtomicBoolean();

    private Interruption(Runnable cleanup) {
        this.hook = new Thread(() -> {
            happened.set(true);
            System.err.println("faultline: interrupted: stopping the load, healing faults, writing results");
            cleanup.run();
        }, "faultline-shutdown");
    }

    static Interruption install(Runnable cleanup) {
        Interruption interruption = new Interruption(cleanup);
        Runtime.getRuntime().addShutdownHook(interruption.hook);
        return interruption;
    }

    boolean happened() {
        return happened.get();
    }

    void remove() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing to remove
        }
    }
}
