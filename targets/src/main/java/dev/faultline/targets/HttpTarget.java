package dev.faultline.targets;

import dev.faultline.faults.network.HealCheck;
import dev.faultline.faults.network.Link;
import dev.faultline.faults.network.LinkFaults;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A system that is already running, reached over HTTP: the run sends its load to {@link #serviceUri()} and starts or
 * stops nothing. It has no links and no fault layer: {@link #links()} is empty and {@link #linkFaults()} refuses, so
 * plans with network faults on an http target are refused when they are validated, before anything runs.
 */
public final class HttpTarget implements Target {
    private final URI uri;
    private final List<URI> nodes;

    private HttpTarget(URI uri, List<URI> nodes) {
        this.uri = uri;
        this.nodes = List.copyOf(nodes);
    }

    /**
     * The system at {@code uri} (an {@code http://host[:port][/path]} URI), after checking that something accepts
     * TCP connections at its host and port within {@code connectTimeout}.
     *
     * @throws TargetStartException when nothing answers there, naming the address
     */
    public static HttpTarget connect(URI uri, List<URI> nodes, Duration connectTimeout) {
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("an http target needs an http://host[:port] URI, not " + uri);
        }
        InetSocketAddress address = new InetSocketAddress(uri.getHost(), port(uri));
        try (Socket socket = new Socket()) {
            socket.connect(address, (int) Math.max(1, connectTimeout.toMillis()));
        } catch (IOException e) {
            throw new TargetStartException("nothing accepts connections at " + uri.getHost() + ":" + port(uri)
                    + " (" + e.getMessage() + "): start the system under test first, or fix target.http.url", e);
        }
        return new HttpTarget(uri, nodes);
    }

    @Override
    public String description() {
        return "http system at " + uri;
    }

    @Override
    public URI serviceUri() {
        return uri;
    }

    /** The base URIs of the system's individual nodes, as the plan listed them (possibly none). */
    public List<URI> nodes() {
        return nodes;
    }

    /** None: the run does not stand between the load and an external system. */
    @Override
    public Map<String, Link> links() {
        return Map.of();
    }

    /** Refuses: an external system has no fault layer (plan validation refuses link faults on it before this). */
    /** Verified by construction: an http target has no links, so no network fault was ever on it. */
    @Override
    public HealCheck verifyHealed() {
        return new HealCheck(true, List.of());
    }

    /** None: a running system's processes are not the run's to stop, pause or restart. */
    @Override
    public Map<String, Component> components() {
        return Map.of();
    }

    @Override
    public LinkFaults linkFaults() {
        throw new UnsupportedOperationException("an http target has no fault layer: network faults need a target "
                + "whose links pass through the fault proxy, such as the reference cluster");
    }

    /** Nothing to stop: the system was running before the run and keeps running after it. */
    @Override
    public void close() {
    }

    private static int port(URI uri) {
        return uri.getPort() < 0 ? 80 : uri.getPort();
    }
}
