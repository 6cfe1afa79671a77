package dev.faultline.targets;

import dev.faultline.faults.network.Link;
import dev.faultline.faults.network.LinkFaults;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A target that is one service of the user's (a command's process or a container) behind one fault-proxy link,
 * {@code client-><name>}: what such targets share. Subclasses start the service in {@link #startService()}, after the
 * fault proxy is up, and name its link with {@link #linkTo}.
 */
abstract class ServiceTarget implements Target {
    static final String HOST = "127.0.0.1";

    final CloseStack started = new CloseStack();
    final Map<String, Component> components = new LinkedHashMap<>();
    private final URI faultProxy;
    private LinkFaults linkFaults;
    private Link link;

    ServiceTarget(URI faultProxy) {
        this.faultProxy = faultProxy;
    }

    /** Starts the fault proxy, then the service (see {@link TargetStartup#guarded}). */
    final void startAll() {
        linkFaults = TargetStartup.faultProxy(HOST, faultProxy, started, components);
        startService();
    }

    /** Starts the service, registers it in {@link #components} and creates its link with {@link #linkTo}. */
    abstract void startService();

    /** Registers the started service and puts the link {@code client-><name>} in front of it. */
    final void linkTo(Component service) {
        components.put(service.name(), service);
        link = linkFaults.createLink("client", service.name(), service.address());
    }

    /** The link {@code client-><name>}'s address: the load goes through the fault proxy. */
    @Override
    public URI serviceUri() {
        return URI.create("http://" + HOST + ":" + link.listen().getPort());
    }

    @Override
    public Map<String, Link> links() {
        return link == null ? Map.of() : Map.of(link.name(), link);
    }

    /** The service (with its process control) and the fault proxy. */
    @Override
    public Map<String, Component> components() {
        return Collections.unmodifiableMap(components);
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
