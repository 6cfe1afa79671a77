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
    /** How long the hook leaves an orderly shutdown (heal, verify, stop) to stop the children itself. */
    private static final long ORDERLY_MS = 10_000;
    private static final long POLL_MS = 50;
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

    /**
     * First lets an orderly shutdown finish: shutdown hooks run at the same time, and a run's own hook heals its faults,
     * verifies the components and stops them itself, so this waits up to {@link #ORDERLY_MS} for the children to be
     * gone. Then SIGCONT (a paused child cannot act on SIGTERM) and SIGTERM to each left, then SIGKILL to those still
     * there.
     */
    private static void killAll() {
        long orderly = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ORDERLY_MS);
        while (!LIVE.isEmpty() && System.nanoTime() < orderly) {
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
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
