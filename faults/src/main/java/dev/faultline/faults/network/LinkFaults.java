package dev.faultline.faults.network;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults on network links, driven through the toxiproxy-java client, so the same code works against
 * Faultline's fault proxy and a real Toxiproxy server. Each link is one proxy; each fault is one toxic.
 */
public final class LinkFaults {

    private final ToxiproxyClient client;
    private final Map<String, Link> links = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    public LinkFaults(String apiHost, int apiPort) {
        this.client = new ToxiproxyClient(apiHost, apiPort);
    }

    /**
     * Creates a proxy for the link {@code from->to} listening on an ephemeral port of 127.0.0.1.
     *
     * @throws FaultProxyException if the proxy refuses (for example, the proxy name is taken)
     */
    public Link createLink(String from, String to, InetSocketAddress upstream) {
        String name = from + "->" + to;
        String proxyName = ProxyNames.proxyName(from, to);
        try {
            Proxy proxy = client.createProxy(proxyName, "127.0.0.1:0", ProxyNames.hostPort(upstream));
            Link link = new Link(name, proxyName, ProxyNames.parse(proxy.getListen()), upstream);
            links.put(proxyName, link);
            return link;
        } catch (IOException e) {
            throw FaultProxyException.of("creating the proxy", name, proxyName, e);
        }
    }

    /**
     * Delays bytes flowing {@code from->to} by {@code delay} ± {@code jitter}. Heal removes this
     * toxic only.
     */
    public FaultHandle latency(Link link, Duration delay, Duration jitter) {
        String toxicName = "latency-" + sequence.incrementAndGet() + "-upstream";
        try {
            Latency toxic = client.getProxy(link.proxyName()).toxics()
                    .latency(toxicName, ToxicDirection.UPSTREAM, delay.toMillis());
            ToxicFaultHandle handle = new ToxicFaultHandle(client, link, toxicName);
            if (!jitter.isZero()) {
                try {
                    toxic.setJitter(jitter.toMillis());
                } catch (IOException e) {
                    handle.heal();
                    throw e;
                }
            }
            return handle;
        } catch (IOException e) {
            throw FaultProxyException.of("adding latency", link.name(), link.proxyName(), e);
        }
    }

    /** Removes every toxic from every link of this instance and re-enables them. Idempotent. */
    public void healAll() {
        List<FaultProxyException> failures = new ArrayList<>();
        for (Link link : links.values()) {
            try {
                Proxy proxy = client.getProxy(link.proxyName());
                if (!proxy.isEnabled()) {
                    proxy.enable();
                }
                for (Toxic toxic : proxy.toxics().getAll()) {
                    removeIfPresent(toxic);
                }
            } catch (IOException e) {
                if (!ProxyNames.isNotFound(e)) {
                    failures.add(FaultProxyException.of("healing", link.name(), link.proxyName(), e));
                }
            }
        }
        throwFirst(failures);
    }

    /** Deletes the proxies this instance created; links already gone are skipped. */
    public void deleteLinks() {
        List<FaultProxyException> failures = new ArrayList<>();
        for (Link link : List.copyOf(links.values())) {
            try {
                client.getProxy(link.proxyName()).delete();
            } catch (IOException e) {
                if (!ProxyNames.isNotFound(e)) {
                    failures.add(FaultProxyException.of("deleting the proxy", link.name(), link.proxyName(), e));
                    continue;
                }
            }
            links.remove(link.proxyName());
        }
        throwFirst(failures);
    }

    private static void removeIfPresent(Toxic toxic) throws IOException {
        try {
            toxic.remove();
        } catch (IOException e) {
            if (!ProxyNames.isNotFound(e)) {
                throw e;
            }
        }
    }

    private static void throwFirst(List<FaultProxyException> failures) {
        if (!failures.isEmpty()) {
            FaultProxyException first = failures.get(0);
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
    }
}
