package dev.faultline.targets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The clock hook of a reference-cluster store node: {@code POST /admin/clock {"skewMs": N}} shifts its clock (replacing
 * any earlier skew), {@code GET /admin/clock} reads the skew. Calls go to the node's own address, not through a link.
 */
public final class StoreClock {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private final Component node;

    private StoreClock(Component node) {
        this.node = node;
    }

    /** The clock of {@code node}, which must be a store node. */
    public static StoreClock of(Component node) {
        if (node.kind() != Component.Kind.STORE) {
            throw new IllegalArgumentException(node.name() + " is a " + node.kind().name().toLowerCase(java.util.Locale.ROOT)
                    + ", not a store node: only store nodes have a clock hook");
        }
        return new StoreClock(node);
    }

    /** Sets the node's skew (negative: behind); 0 puts its clock right again. */
    public void skew(Duration skew) {
        long millis = skew.toMillis();
        long answered = call(HttpRequest.newBuilder(uri()).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"skewMs\": " + millis + "}")).build());
        if (answered != millis) {
            throw new IllegalStateException(node.name() + " answered skew " + answered + " ms to a request for " + millis);
        }
    }

    /** The node's skew now, in milliseconds. */
    public long skewMillis() {
        return call(HttpRequest.newBuilder(uri()).timeout(TIMEOUT).GET().build());
    }

    private URI uri() {
        return URI.create(node.url() + "/admin/clock");
    }

    private long call(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " of " + node.name()
                        + " answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode skew = JSON.readTree(response.body()).get("skewMs");
            if (skew == null || !skew.canConvertToLong()) {
                throw new IllegalStateException(node.name() + "'s clock hook answered without skewMs: " + response.body());
            }
            return skew.asLong();
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the clock hook of " + node.name() + " at " + request.uri()
                    + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the clock hook of " + node.name(), e);
        }
    }
}
