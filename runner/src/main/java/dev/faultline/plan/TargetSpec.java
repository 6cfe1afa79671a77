package dev.faultline.plan;

import java.net.URI;
import java.util.List;

/**
 * What the plan runs against; exactly one kind is given: {@code cluster} (the bundled reference cluster, started by
 * the run) or {@code http} (a system already running). {@code faultProxy}, when set ({@code http://host:8474}), is a
 * Toxiproxy-compatible server already running on this machine that carries the target's links instead of a fault
 * proxy started inside the run.
 */
public record TargetSpec(ClusterSpec cluster, HttpTargetSpec http, String faultProxy) {
    public TargetSpec {
        if ((cluster == null) == (http == null)) {
            throw new IllegalArgumentException(cluster == null
                    ? "a target needs one of: cluster, http" : "a target is one of cluster or http, not both");
        }
        if (faultProxy != null) {
            faultProxyUri(faultProxy);
        }
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

    /** The links that network faults may name: the cluster's; an http target has none. */
    public List<String> links() {
        return cluster != null ? cluster.links() : List.of();
    }

    /** The target kind's plan key. */
    public String kind() {
        return cluster != null ? "cluster" : "http";
    }
}
