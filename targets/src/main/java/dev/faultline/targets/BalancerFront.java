package dev.faultline.targets;

import static dev.faultline.targets.ReferenceClusterTarget.BALANCER;
import static dev.faultline.targets.ReferenceClusterTarget.STANDBY_BALANCER;

import dev.faultline.cluster.balancer.Backend;
import dev.faultline.cluster.balancer.BalancerConfig;
import dev.faultline.cluster.balancer.BalancerSettings;
import dev.faultline.cluster.launch.ComponentDescription;
import dev.faultline.cluster.launch.ComponentKind;
import dev.faultline.faults.network.Link;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bundled balancer {@code lb} in front of a target's backends, and with {@link BalancerSettings#standby()} its
 * standby {@code lb2} sharing its service port: {@code lb} reaches backend {@code b} over the link {@code lb->b}
 * ({@code lb2} over {@code lb2->b}), and the load reaches the service port over {@code client->lb}. What the
 * reference cluster (store nodes behind it) and a command target of several nodes (the instances behind it) share.
 */
final class BalancerFront {
    private BalancerFront() {
    }

    /** Creates the link {@code from->to} in front of {@code upstream} and records it with the target. */
    interface Links {
        Link create(String from, String to, InetSocketAddress upstream);
    }

    /** Starts components the target's way (own processes or in this JVM), records them and returns them in order. */
    interface Starter {
        List<Component> start(List<ComponentDescription> descriptions, Component.Kind kind);
    }

    /**
     * Starts {@code lb} (and {@code lb2}) in front of {@code backends}, registers them in {@code components} with
     * their metrics addresses, and returns the link {@code client->lb}.
     *
     * @param backendTimeout how long a backend may take to answer; the balancer's default if null
     */
    static Link start(String host, List<Component> backends, BalancerSettings settings, Duration backendTimeout,
            Links links, Starter starter, Map<String, Component> components) {
        List<Backend> primary = new ArrayList<>();
        List<Backend> standby = new ArrayList<>();
        for (Component backend : backends) {
            primary.add(new Backend(backend.name(), links.create(BALANCER, backend.name(), backend.address()).listen()));
            if (settings.standby()) {
                standby.add(new Backend(backend.name(),
                        links.create(STANDBY_BALANCER, backend.name(), backend.address()).listen()));
            }
        }
        Map<String, Integer> metricsPorts = FreePorts.pick(host, List.of(BALANCER, STANDBY_BALANCER));
        Component lb = starter.start(List.of(description(new BalancerConfig(BALANCER, host, 0, primary, backendTimeout,
                metricsPorts.get(BALANCER), settings))), Component.Kind.BALANCER).get(0);
        components.put(lb.name(), lb.withMetrics(metricsUrl(host, metricsPorts.get(BALANCER))));
        if (settings.standby()) {
            Component lb2 = starter.start(List.of(description(new BalancerConfig(STANDBY_BALANCER, host,
                    lb.address().getPort(), standby, backendTimeout, metricsPorts.get(STANDBY_BALANCER), settings))),
                    Component.Kind.BALANCER).get(0);
            components.put(lb2.name(), lb2.withMetrics(metricsUrl(host, metricsPorts.get(STANDBY_BALANCER))));
        }
        return links.create("client", BALANCER, lb.address());
    }

    private static ComponentDescription description(BalancerConfig config) {
        return new ComponentDescription(ComponentKind.BALANCER, config);
    }

    private static URI metricsUrl(String host, int port) {
        return URI.create("http://" + host + ":" + port + "/metrics");
    }
}
