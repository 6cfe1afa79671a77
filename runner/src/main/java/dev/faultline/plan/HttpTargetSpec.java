package dev.faultline.plan;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * A system that is already running, reached over HTTP at {@code url}: the load goes there, nothing is started or
 * stopped, and there is no fault layer (no links to break). {@code nodes} optionally names the base URLs of its
 * individual nodes, for checks that probe nodes one by one.
 */
public record HttpTargetSpec(String url, List<String> nodes) {
    public HttpTargetSpec {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("an http target needs a 'url', e.g. http://127.0.0.1:8080");
        }
        checkUrl("url", url);
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        for (String node : nodes) {
            checkUrl("nodes", node);
        }
    }

    /** The target's base URI. */
    public URI uri() {
        return URI.create(url);
    }

    private static void checkUrl(String key, String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(key + ": '" + text + "' is not a URL: " + e.getReason());
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(key + ": '" + text + "' must be an http://host[:port][/path] URL"
                    + ("https".equalsIgnoreCase(uri.getScheme()) ? " (https is not supported by the load generator)" : ""));
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(key + ": '" + text + "' must not have a query or fragment");
        }
    }
}
