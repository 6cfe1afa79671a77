package dev.faultline.targets.process;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The component processes this JVM has started and not yet seen exit. A shutdown hook stops those left when this JVM
 * ends (a second line of defence: each child also exits when its stdin, held by this JVM, closes).
 */
final class LiveChildren {
    private static final long GRACE_MS = 2_000;
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(LiveChildren::killAll, "faultline-kill-children"));
    }

    private LiveChildren() {
    }

    static void add(Process process) {
        LIVE.add(process);
        process.onExit().thenRun(() -> LIVE.remove(process));
    }

    /** SIGCONT (a paused child cannot act on SIGTERM) and SIGTERM to each, then SIGKILL to those still there. */
    private static void killAll() {
        List<Process> left = List.copyOf(LIVE);
        for (Process process : left) {
            try {
                Signals.send("CONT", process.pid());
            } catch (RuntimeException e) {
                // it may have exited meanwhile; SIGKILL below does not depend on it
            }
            process.destroy();
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MS);
        for (Process process : left) {
            try {
                process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
        }
    }
}
