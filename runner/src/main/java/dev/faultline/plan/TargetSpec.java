package dev.faultline.plan;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What the plan runs against; exactly one kind is given: {@code cluster} (the bundled reference cluster, started by
 * the run), {@code http} (a system already running), {@code command} (a user's service started from a command line)
 * or {@code container} (a user's service in a container). {@code faultProxy}, when set ({@code http://host:8474}), is
 * a Toxiproxy-compatible server already running on this machine that carries the target's links instead of a fault
 * proxy started inside the run.
 */
public record TargetSpec(ClusterSpec cluster, HttpTargetSpec http, CommandTargetSpec command,
        ContainerTargetSpec container, String faultProxy) {
    /** The target kinds, by plan key. */
    public static final List<String> KINDS = List.of("cluster", "http", "command", "container");

    public TargetSpec {
        long given = Stream.of(cluster, http, command, container).filter(Objects::nonNull).count();
        if (given != 1) {
            throw new IllegalArgumentException(given == 0 ? "a target needs one of: " + String.join(", ", KINDS)
                    : "a target is one of " + String.join(", ", KINDS) + ", not several");
        }
        if (faultProxy != null) {
            faultProxyUri(faultProxy);
        }
    }

    /** A cluster or http target (the kinds that came first). */
    public TargetSpec(ClusterSpec cluster, HttpTargetSpec http, String faultProxy) {
        this(cluster, http, null, null, faultProxy);
    }

    /** The fault proxy's API address, or null for one started inside the run. */
    public URI faultProxyUri() {
        return faultProxy == null ? null : faultProxyUri(faultProxy);
    }

    private static URI faultProxyUri(String text) {
        URI uri;
        try {
            uri = URI.create(text.strip());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))) {
            throw new IllegalArgumentException("'fault-proxy' must be the address of a Toxiproxy API, "
                    + "http://host:port (e.g. http://127.0.0.1:8474), not '" + text + "'");
        }
        return uri;
    }

    /**
     * The links that network faults may name: the cluster's; a command's ({@link CommandTargetSpec#links()}); a
     * container's {@code client-><name>}; an http target has none.
     */
    public List<String> links() {
        if (cluster != null) {
            return cluster.links();
        }
        if (command != null) {
            return command.links();
        }
        return serviceName() == null ? List.of() : List.of(ClusterSpec.CLIENT + "->" + serviceName());
    }

    /** The components that partitions (and process faults) may name, {@code client} aside. */
    public List<String> components() {
        if (cluster != null) {
            return cluster.components();
        }
        if (command != null) {
            return command.components();
        }
        return serviceName() == null ? List.of() : List.of(serviceName());
    }

    private String serviceName() {
        return command != null ? command.name() : container != null ? container.name() : null;
    }

    /** The target kind's plan key. */
    public String kind() {
        return cluster != null ? "cluster" : http != null ? "http" : command != null ? "command" : "container";
    }
}
