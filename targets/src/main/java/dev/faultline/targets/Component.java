package dev.faultline.targets;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * One running part of a target, as faults and people see it.
 *
 * @param name           e.g. {@code n1}, {@code lb}, {@code fault-proxy}; the name plans use
 * @param kind           what it is
 * @param address        where it listens itself (not through the fault proxy)
 * @param processControl present when the component is its own OS process, which can then be crashed, paused and
 *                       restarted; empty for a component inside the runner's JVM
 * @param metricsUrl     where it serves its metrics in Prometheus text format, when it does
 */
public record Component(String name, Kind kind, InetSocketAddress address, Optional<ProcessControl> processControl,
        Optional<URI> metricsUrl) {

    /** The kinds of component a target has; {@code SERVICE} is a user's own service (a command or a container). */
    public enum Kind { BALANCER, STORE, FAULT_PROXY, SERVICE }

    public Component {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(processControl, "processControl");
        Objects.requireNonNull(metricsUrl, "metricsUrl");
    }

    /** A component that serves no metrics (or whose metrics address is not known). */
    public Component(String name, Kind kind, InetSocketAddress address, Optional<ProcessControl> processControl) {
        this(name, kind, address, processControl, Optional.empty());
    }

    /** A copy that serves its metrics at {@code url}. */
    public Component withMetrics(URI url) {
        return new Component(name, kind, address, processControl, Optional.of(url));
    }

    /** A component inside the runner's JVM: no process of its own to control. */
    public static Component inJvm(String name, Kind kind, InetSocketAddress address) {
        return new Component(name, kind, address, Optional.empty());
    }

    /** Its own address as an HTTP URL, e.g. {@code http://127.0.0.1:41240}. */
    public URI url() {
        return URI.create("http://" + address.getHostString() + ":" + address.getPort());
    }
}
