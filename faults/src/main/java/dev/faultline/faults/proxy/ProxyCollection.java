package dev.faultline.faults.proxy;

import io.netty.channel.EventLoopGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every proxy of one server, by name. All lifecycle changes are serialised on this object. */
final class ProxyCollection {

    /** A proxy as a create, update or populate request describes it; null fields were left out. */
    record ProxyRequest(String name, String listen, String upstream, Boolean enabled) {
    }

    private final Map<String, FaultProxy> proxies = new TreeMap<>();
    private final EventLoopGroup group;

    ProxyCollection(EventLoopGroup group) {
        this.group = group;
    }

    synchronized List<FaultProxy> all() {
        return new ArrayList<>(proxies.values());
    }

    synchronized FaultProxy get(String name) {
        FaultProxy proxy = proxies.get(name);
        if (proxy == null) {
            throw ApiException.proxyNotFound();
        }
        return proxy;
    }

    synchronized FaultProxy create(ProxyRequest request) {
        requireFields(request, "");
        if (proxies.containsKey(request.name())) {
            throw new ApiException(409, "proxy already exists");
        }
        return startNew(request);
    }

    synchronized FaultProxy update(String name, ProxyRequest request) {
        FaultProxy proxy = get(name);
        boolean wasEnabled = proxy.enabled();
        String listen = request.listen() == null ? proxy.listen() : request.listen();
        String upstream = request.upstream() == null ? proxy.upstream() : request.upstream();
        if (!listen.equals(proxy.listen()) || !upstream.equals(proxy.upstream())) {
            proxy.stop();
            proxy.setAddresses(listen, upstream);
        }
        boolean wanted = request.enabled() == null ? wasEnabled : request.enabled();
        if (wanted) {
            proxy.start();
        } else {
            proxy.stop();
        }
        return proxy;
    }

    synchronized void delete(String name) {
        get(name).stop();
        proxies.remove(name);
    }

    /**
     * Creates or replaces each proxy in turn after validating all of them. An unchanged proxy is
     * left alone. The first failure stops the run and reports the proxies done so far.
     */
    synchronized List<FaultProxy> populate(List<ProxyRequest> requests, List<FaultProxy> done) {
        for (int i = 0; i < requests.size(); i++) {
            requireFields(requests.get(i), " at proxy " + (i + 1));
        }
        for (ProxyRequest request : requests) {
            FaultProxy existing = proxies.get(request.name());
            String listen = request.listen() == null ? "" : request.listen();
            if (existing != null && existing.listen().equals(listen) && existing.upstream().equals(request.upstream())) {
                done.add(existing);
                continue;
            }
            if (existing != null) {
                existing.stop();
                proxies.remove(request.name());
            }
            done.add(startNew(request));
        }
        return done;
    }

    /** Re-enables every disabled proxy, then removes every toxic. */
    synchronized void reset() {
        proxies.values().forEach(FaultProxy::start);
        proxies.values().forEach(proxy -> proxy.toxics().removeAll());
    }

    /** Enables one proxy again and removes every toxic from it, as {@link #reset()} does for all. */
    synchronized void heal(String name) {
        FaultProxy proxy = get(name);
        proxy.start();
        proxy.toxics().removeAll();
    }

    synchronized void closeAll() {
        proxies.values().forEach(FaultProxy::stop);
        proxies.clear();
    }

    private FaultProxy startNew(ProxyRequest request) {
        String listen = request.listen() == null ? "" : request.listen();
        FaultProxy proxy = new FaultProxy(request.name(), listen, request.upstream(), group);
        if (request.enabled() == null || request.enabled()) {
            proxy.start();
        }
        proxies.put(proxy.name(), proxy);
        return proxy;
    }

    private static void requireFields(ProxyRequest request, String where) {
        if (request.name() == null || request.name().isEmpty()) {
            throw ApiException.badRequest("missing required field: name" + where);
        }
        if (request.upstream() == null || request.upstream().isEmpty()) {
            throw ApiException.badRequest("missing required field: upstream" + where);
        }
    }
}
