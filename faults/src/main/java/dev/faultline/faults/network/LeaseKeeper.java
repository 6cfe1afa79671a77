package dev.faultline.faults.network;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Holds a lease on each proxy of a run and renews it every third of its time to live, so that if this JVM dies the
 * proxies heal themselves within {@code ttl}. Against a server without the lease extension it stops asking.
 */
final class LeaseKeeper implements AutoCloseable {

    private final RawToxiproxyCalls calls;
    private final Duration ttl;
    private final Set<String> proxies = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean supported = new AtomicBoolean(true);
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "faultline-leases");
        t.setDaemon(true);
        return t;
    });

    LeaseKeeper(RawToxiproxyCalls calls, Duration ttl) {
        this.calls = calls;
        this.ttl = ttl;
        long every = Math.max(1, ttl.toMillis() / 3);
        renewer.scheduleAtFixedRate(this::renewAll, every, every, TimeUnit.MILLISECONDS);
    }

    /** Takes the lease on a proxy now; false when the server has no lease extension. */
    boolean hold(String proxyName) throws IOException {
        if (!supported.get()) {
            return false;
        }
        if (!calls.renewLease(proxyName, ttl)) {
            supported.set(false);
            return false;
        }
        proxies.add(proxyName);
        return true;
    }

    void release(String proxyName) {
        if (proxies.remove(proxyName) && supported.get()) {
            try {
                calls.releaseLease(proxyName);
            } catch (IOException e) {
                // the lease lapses on its own
            }
        }
    }

    boolean supported() {
        return supported.get();
    }

    private void renewAll() {
        for (String proxy : proxies) {
            try {
                calls.renewLease(proxy, ttl);
            } catch (IOException | RuntimeException e) {
                // a missed renewal is retried at the next tick; the ttl allows two misses
            }
        }
    }

    @Override
    public void close() {
        renewer.shutdownNow();
    }
}
