package dev.faultline.plan;

import java.net.URI;

/**
 * What the plan runs against; exactly one kind is given. Only the bundled reference cluster so far.
 * {@code faultProxy}, when set ({@code http://host:8474}), is a Toxiproxy-compatible server already running on this
 * machine that carries the target's links instead of a fault proxy started inside the run.
 */
public record TargetSpec(ClusterSpec cluster, String faultProxy) {
    public TargetSpec {
        if (cluster == null) {
            throw new IllegalArgumentException("a target needs one of: cluster");
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
}
