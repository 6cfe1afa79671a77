package dev.faultline.targets;

import dev.faultline.cluster.balancer.Backend;
import dev.faultline.cluster.balancer.Balancer;
import dev.faultline.cluster.balancer.BalancerConfig;
import dev.faultline.cluster.store.StoreNode;
import dev.faultline.cluster.store.StoreNodeConfig;
import dev.faultline.faults.network.Link;
import dev.faultline.faults.network.LinkFaults;
import dev.faultline.faults.proxy.FaultProxyServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bundled reference cluster, started in this JVM. Every link passes through the fault proxy:
 * the load reaches the balancer over {@code client->lb}, and the balancer reaches store node {@code nI} over
 * {@code lb->nI}, so a fault is a property of the network, not a flag in the code under test.
 */
public final class ReferenceClusterTarget implements Target {
    private final ReferenceClusterConfig config;
    private final CloseStack started = new CloseStack();
    private final Map<String, Link> links = new LinkedHashMap<>();
    private LinkFaults linkFaults;
    private URI serviceUri;
    private int faultProxyPort;

    private ReferenceClusterTarget(ReferenceClusterConfig config) {
        this.config = config;
    }

    /** Starts the cluster; on failure everything already started is stopped again before the exception leaves. */
    public static ReferenceClusterTarget start(ReferenceClusterConfig config) {
        ReferenceClusterTarget target = new ReferenceClusterTarget(config);
        try {
            target.startComponents();
            return target;
        } catch (RuntimeException e) {
            target.close();
            throw e instanceof TargetStartException ? e
                    : new TargetStartException("the reference cluster did not start: " + e.getMessage(), e);
        }
    }

    private void startComponents() {
        String host = ReferenceClusterConfig.HOST;
        FaultProxyServer proxy = started.push(FaultProxyServer.start(host, 0));
        faultProxyPort = proxy.apiPort();
        linkFaults = new LinkFaults(proxy.apiHost(), proxy.apiPort());
        started.push(linkFaults::deleteLinks);
        List<Backend> backends = new ArrayList<>();
        for (int i = 1; i <= config.storeNodes(); i++) {
            String name = "n" + i;
            StoreNode node = started.push(StoreNode.start(new StoreNodeConfig(name, host, 0)));
            Link link = addLink("lb", name, node.address());
            backends.add(new Backend(name, link.listen()));
        }
        Balancer balancer = started.push(
                Balancer.start(new BalancerConfig("lb", host, 0, backends, config.backendTimeout())
                        .withSettings(config.balancer())));
        Link front = addLink("client", "lb", balancer.address());
        serviceUri = URI.create("http://" + host + ":" + front.listen().getPort());
    }

    private Link addLink(String from, String to, java.net.InetSocketAddress upstream) {
        Link link = linkFaults.createLink(from, to, upstream);
        links.put(link.name(), link);
        return link;
    }

    @Override
    public String description() {
        return "reference cluster: " + config.storeNodes() + " store node" + (config.storeNodes() == 1 ? "" : "s")
                + " behind lb (in-jvm)";
    }

    @Override
    public URI serviceUri() {
        return serviceUri;
    }

    @Override
    public Map<String, Link> links() {
        return Collections.unmodifiableMap(links);
    }

    /** The port of the Toxiproxy-compatible API of the cluster's fault proxy, on 127.0.0.1. */
    public int faultProxyPort() {
        return faultProxyPort;
    }

    @Override
    public LinkFaults linkFaults() {
        return linkFaults;
    }

    @Override
    public void close() {
        if (linkFaults != null) {
            linkFaults.healAll();
        }
        started.closeAll();
    }
}
