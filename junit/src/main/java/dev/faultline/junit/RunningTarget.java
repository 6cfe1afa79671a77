package dev.faultline.junit;

import dev.faultline.plan.TargetSpec;
import dev.faultline.targets.Component;
import dev.faultline.targets.Target;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A target the extension started for a test ({@link ReferenceCluster}, {@link PlanTarget}, {@link ContainerService}):
 * the address its clients use, which goes through the fault proxy, and its components and links by the names faults
 * use. The extension stops it after the test.
 */
public final class RunningTarget {
    private final Target target;
    private final TargetSpec spec;

    RunningTarget(Target target, TargetSpec spec) {
        this.target = target;
        this.spec = spec;
    }

    /** The service's address for clients, e.g. {@code http://127.0.0.1:41234}: through the fault proxy. */
    public URI uri() {
        return target.serviceUri();
    }

    /** A component's own address ({@code lb}, {@code n1}, ...), bypassing the fault proxy. */
    public URI uri(String component) {
        Component c = target.components().get(component);
        if (c == null) {
            throw new IllegalArgumentException("no component '" + component + "' (components: "
                    + String.join(", ", target.components().keySet()) + ")");
        }
        return c.url();
    }

    /** Every component by name: {@code lb}, {@code n1..nN}, {@code fault-proxy}, or a service's name. */
    public List<String> components() {
        return List.copyOf(target.components().keySet());
    }

    /** Every link through the fault proxy by name: {@code client->lb}, {@code lb->n1}, {@code n1->n2}, ... */
    public List<String> links() {
        return List.copyOf(target.links().keySet());
    }

    /** What the target is, in a few words. */
    public String description() {
        return target.description();
    }

    /** The component addresses, for a test's own clients. */
    public Map<String, URI> componentUris() {
        Map<String, URI> uris = new java.util.LinkedHashMap<>();
        target.components().forEach((name, c) -> uris.put(name, c.url()));
        return uris;
    }

    Target target() {
        return target;
    }

    TargetSpec spec() {
        return spec;
    }

    @Override
    public String toString() {
        return target.description() + " at " + target.serviceUri();
    }
}
