package dev.faultline.faults.proxy;

import io.netty.util.concurrent.EventExecutor;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Faultline's lease extension to the Toxiproxy API: a controller that holds a lease on a proxy renews it before it
 * lapses; if it stops renewing (it crashed, was killed, lost the network), the lease lapses and the proxy heals
 * itself: it is enabled again and every toxic is removed. A proxy without a lease is never healed behind anyone's back.
 */
final class ProxyLeases {

    /** A lease as the API shows it: the proxy and the time it lives unless renewed. */
    record Lease(String proxy, long ttlMs) {
    }

    private record Held(Lease lease, ScheduledFuture<?> expiry) {
    }

    private final ProxyCollection proxies;
    private final EventExecutor timer;
    private final Map<String, Held> held = new HashMap<>();

    ProxyLeases(ProxyCollection proxies, EventExecutor timer) {
        this.proxies = proxies;
        this.timer = timer;
    }

    /** Takes or renews the lease on {@code proxyName}: it lapses {@code ttlMs} from now unless renewed again. */
    synchronized Lease renew(String proxyName, long ttlMs) {
        proxies.get(proxyName);
        if (ttlMs <= 0) {
            throw ApiException.badRequest("bad request body: field 'ttl_ms' must be a positive number of milliseconds");
        }
        release(proxyName);
        Lease lease = new Lease(proxyName, ttlMs);
        ScheduledFuture<?> expiry = timer.schedule(() -> lapse(lease), ttlMs, TimeUnit.MILLISECONDS);
        held.put(proxyName, new Held(lease, expiry));
        return lease;
    }

    synchronized Lease get(String proxyName) {
        proxies.get(proxyName);
        Held h = held.get(proxyName);
        if (h == null) {
            throw new ApiException(404, "lease not found");
        }
        return h.lease();
    }

    /** Gives the lease up without healing (the controller healed the proxy itself); no lease is fine. */
    synchronized void release(String proxyName) {
        Held h = held.remove(proxyName);
        if (h != null) {
            h.expiry().cancel(false);
        }
    }

    private void lapse(Lease lease) {
        synchronized (this) {
            Held h = held.get(lease.proxy());
            if (h == null || h.lease() != lease) {
                return;
            }
            held.remove(lease.proxy());
        }
        try {
            proxies.heal(lease.proxy());
        } catch (ApiException gone) {
            // the proxy was deleted meanwhile: nothing left to heal
        }
    }
}
