package dev.faultline.cluster.http;

/**
 * How many event-loop threads one server uses: {@code boss} accept connections, {@code workers} serve them.
 * Kept small on purpose: many servers may share one JVM on a small machine.
 */
public record ServerThreads(int boss, int workers) {
    /** One acceptor and one I/O thread: enough for a store node in a test cluster. */
    public static final ServerThreads SMALL = new ServerThreads(1, 1);

    public ServerThreads {
        if (boss < 1) {
            throw new IllegalArgumentException("'boss' threads must be at least 1, but is " + boss);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("'workers' threads must be at least 1, but is " + workers);
        }
    }
}
