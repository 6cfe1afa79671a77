package dev.faultline.faults.network;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Faults on network links, driven through the toxiproxy-java client, so the same code works against Faultline's
 * fault proxy and a real Toxiproxy server. Each link is one proxy; each fault is one or more toxics, or a disabled
 * proxy. Two calls toxiproxy-java can't make go as plain HTTP (see {@link RawToxiproxyCalls}): creating a proxy
 * disabled, and the optional lease.
 */
public final class LinkFaults {

    private static final String LISTEN = "127.0.0.1:0";

    private final ToxiproxyClient client;
    private final RawToxiproxyCalls raw;
    private final String proxyPrefix;
    private final LeaseKeeper leases;
    private final Map<String, Link> links = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    /** Links named as they are, without leases: for a fault proxy that lives and dies with this JVM. */
    public LinkFaults(String apiHost, int apiPort) {
        this(apiHost, apiPort, "", null);
    }

    /**
     * @param proxyPrefix put before every proxy name, so runs sharing one fault proxy don't collide ("" for none)
     * @param leaseTtl    when not null, every proxy is leased and renewed; if this JVM dies the proxy heals itself
     *                    within this time (a server without Faultline's lease extension is used without leases)
     */
    public LinkFaults(String apiHost, int apiPort, String proxyPrefix, Duration leaseTtl) {
        this.client = new ToxiproxyClient(apiHost, apiPort);
        this.raw = new RawToxiproxyCalls(apiHost, apiPort);
        this.proxyPrefix = proxyPrefix;
        this.leases = leaseTtl == null ? null : new LeaseKeeper(raw, leaseTtl);
    }

    /** Creates the link {@code from->to} with no fault; see {@link #createLink(String, String, InetSocketAddress, Consumer)}. */
    public Link createLink(String from, String to, InetSocketAddress upstream) {
        return createLink(from, to, upstream, link -> { });
    }

    /**
     * Creates a proxy for the link {@code from->to} on an ephemeral port of 127.0.0.1, atomically with the faults
     * {@code beforeOpening} adds: the proxy is created disabled (not listening), the faults are added, and only then is
     * it enabled, so no connection can pass untoxiced. With leases, the lease is taken while the proxy is still
     * disabled, so a controller dying at any point leaves a proxy that heals itself.
     *
     * @throws FaultProxyException if the proxy refuses (for example, the proxy name is taken)
     */
    public Link createLink(String from, String to, InetSocketAddress upstream, Consumer<Link> beforeOpening) {
        String name = from + "->" + to;
        String proxyName = proxyPrefix + ProxyNames.proxyName(from, to);
        try {
            raw.createDisabled(proxyName, LISTEN, ProxyNames.hostPort(upstream));
            links.put(proxyName, new Link(name, proxyName, null, upstream));
            if (leases != null) {
                leases.hold(proxyName);
            }
            beforeOpening.accept(links.get(proxyName));
            Proxy proxy = client.getProxy(proxyName);
            proxy.enable();
            Link link = new Link(name, proxyName, ProxyNames.parse(client.getProxy(proxyName).getListen()), upstream);
            links.put(proxyName, link);
            return link;
        } catch (IOException e) {
            throw FaultProxyException.of("creating the proxy", name, proxyName, e);
        }
    }

    /** Delays bytes flowing {@code from->to} by {@code delay} ± {@code jitter}. Heal removes this toxic only. */
    public FaultHandle latency(Link link, Duration delay, Duration jitter) {
        String toxicName = toxicName("latency", Flow.FORWARD);
        try {
            Latency toxic = client.getProxy(link.proxyName()).toxics()
                    .latency(toxicName, Flow.FORWARD.direction(), delay.toMillis());
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

    /** Limits each direction of the link to {@code bytesPerSecond} (Toxiproxy counts in KB of 1000 bytes, at least 1). */
    public FaultHandle bandwidth(Link link, long bytesPerSecond) {
        long kiloBytes = Math.max(1, bytesPerSecond / 1000);
        return eachFlow(link, "bandwidth", List.of(Flow.FORWARD, Flow.BACKWARD),
                (name, flow) -> client.getProxy(link.proxyName()).toxics().bandwidth(name, flow.direction(), kiloBytes));
    }

    /** Resets (TCP RST) every connection of the link as soon as it carries bytes {@code from->to}. */
    public FaultHandle reset(Link link) {
        return eachFlow(link, "reset", List.of(Flow.FORWARD),
                (name, flow) -> client.getProxy(link.proxyName()).toxics().resetPeer(name, flow.direction(), 0));
    }

    /** Drops the bytes of the given flows and holds the connections open: requests across it hang until timeouts. */
    public FaultHandle blackhole(Link link, List<Flow> flows) {
        return eachFlow(link, "blackhole", flows,
                (name, flow) -> client.getProxy(link.proxyName()).toxics().timeout(name, flow.direction(), 0));
    }

    /** Disables the link's proxy: new connections are refused and open ones closed. Heal enables it again. */
    public FaultHandle reject(Link link) {
        try {
            client.getProxy(link.proxyName()).disable();
            return new DisabledLinkHandle(client, link);
        } catch (IOException e) {
            throw FaultProxyException.of("disabling the proxy", link.name(), link.proxyName(), e);
        }
    }

    /** Whether the fault proxy holds this instance's proxies under a lease (false for a plain Toxiproxy). */
    public boolean leased() {
        return leases != null && leases.supported() && !links.isEmpty();
    }

    @FunctionalInterface
    private interface ToxicAdder {
        void add(String toxicName, Flow flow) throws IOException;
    }

    private FaultHandle eachFlow(Link link, String kind, List<Flow> flows, ToxicAdder adder) {
        List<FaultHandle> added = new ArrayList<>();
        try {
            for (Flow flow : flows) {
                String toxicName = toxicName(kind, flow);
                adder.add(toxicName, flow);
                added.add(new ToxicFaultHandle(client, link, toxicName));
            }
            return added.size() == 1 ? added.get(0) : new CompositeFaultHandle(added);
        } catch (IOException e) {
            FaultProxyException failure = FaultProxyException.of("adding " + kind, link.name(), link.proxyName(), e);
            try {
                new CompositeFaultHandle(added).heal();
            } catch (RuntimeException undo) {
                failure.addSuppressed(undo);
            }
            throw failure;
        }
    }

    private String toxicName(String kind, Flow flow) {
        return kind + "-" + sequence.incrementAndGet() + "-" + (flow == Flow.FORWARD ? "upstream" : "downstream");
    }

    /** Looks at every link of this instance: any toxic or disabled proxy left is a leftover. */
    public HealCheck verifyHealed() {
        List<String> leftovers = new ArrayList<>();
        boolean asked = true;
        for (Link link : links.values()) {
            try {
                Proxy proxy = client.getProxy(link.proxyName());
                if (!proxy.isEnabled()) {
                    leftovers.add(link.name() + ": proxy '" + link.proxyName() + "' is disabled");
                }
                for (Toxic toxic : proxy.toxics().getAll()) {
                    leftovers.add(link.name() + ": toxic '" + toxic.getName() + "' is still in place");
                }
            } catch (IOException e) {
                if (!ProxyNames.isNotFound(e)) {
                    asked = false;
                    leftovers.add(link.name() + ": the fault proxy could not be asked: " + e.getMessage());
                }
            }
        }
        return new HealCheck(asked && leftovers.isEmpty(), leftovers);
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

    /** Gives up the leases and deletes the proxies this instance created; links already gone are skipped. */
    public void deleteLinks() {
        if (leases != null) {
            leases.close();
        }
        List<FaultProxyException> failures = new ArrayList<>();
        for (Link link : List.copyOf(links.values())) {
            if (leases != null) {
                leases.release(link.proxyName());
            }
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
