package dev.faultline.targets.process;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The component processes this JVM has started and not yet seen exit. A shutdown hook kills those left when this JVM
 * ends (a second line of defence: each child also exits when its stdin, held by this JVM, closes).
 */
final class LiveChildren {
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

    private static void killAll() {
        for (Process process : LIVE) {
            process.destroyForcibly();
        }
    }
}
