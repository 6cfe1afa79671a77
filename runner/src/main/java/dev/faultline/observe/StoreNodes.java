package dev.faultline.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * The store nodes' read-only internal API as the control plane reads it: digests, a key's versions, anti-entropy
 * bucket hashes and the entries in buckets. Every call is bounded by a timeout; a node that does not answer gives an
 * exception naming it.
 */
final class StoreNodes {
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, URI> nodes;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** {@code nodes}: each store node's own base URL (not through the fault proxy), by name. */
    StoreNodes(Map<String, URI> nodes) {
        this.nodes = Map.copyOf(nodes);
    }

    List<String> names() {
        return nodes.keySet().stream().sorted().toList();
    }

    /** Every node's digest (null for a node that did not answer), asked at once. */
    Map<String, String> digests() {
        Map<String, CompletableFuture<JsonNode>> asked = new LinkedHashMap<>();
        for (String node : names()) {
            asked.put(node, get(node, "/internal/digest"));
        }
        Map<String, String> digests = new LinkedHashMap<>();
        asked.forEach((node, answer) -> {
            try {
                digests.put(node, answer.join().path("digest").asText(null));
            } catch (RuntimeException unreachable) {
                digests.put(node, null);
            }
        });
        return digests;
    }

    /** The values (decoded as UTF-8) that {@code node} holds for {@code key}, tombstones left out. */
    CompletableFuture<Set<String>> values(String node, String key) {
        return get(node, "/internal/kv/" + encode(key)).thenApply(entry -> values(entry.path("versions")));
    }

    /** The keys whose stored values differ between {@code a} and {@code b}, at most {@code max} of them. */
    List<String> differingKeys(String a, String b, int max) {
        JsonNode hashesA = get(a, "/internal/buckets?with=" + b).join().path("hashes");
        JsonNode hashesB = get(b, "/internal/buckets?with=" + a).join().path("hashes");
        List<Integer> buckets = new ArrayList<>();
        for (int i = 0; i < Math.max(hashesA.size(), hashesB.size()); i++) {
            if (hashesA.path(i).asLong() != hashesB.path(i).asLong()) {
                buckets.add(i);
            }
        }
        if (buckets.isEmpty()) {
            return List.of();
        }
        Map<String, Set<String>> inA = entries(a, b, buckets);
        Map<String, Set<String>> inB = entries(b, a, buckets);
        Set<String> keys = new TreeSet<>(inA.keySet());
        keys.addAll(inB.keySet());
        return keys.stream().filter(k -> !inA.getOrDefault(k, Set.of()).equals(inB.getOrDefault(k, Set.of())))
                .limit(max).toList();
    }

    private Map<String, Set<String>> entries(String node, String peer, List<Integer> buckets) {
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("with", peer, "buckets", buckets));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        JsonNode answer = send(node, HttpRequest.newBuilder(nodes.get(node).resolve("/internal/entries"))
                .POST(HttpRequest.BodyPublishers.ofString(body))).join();
        Map<String, Set<String>> entries = new LinkedHashMap<>();
        answer.path("entries").forEach(e -> entries.put(e.path("key").asText(), values(e.path("versions"))));
        return entries;
    }

    private static Set<String> values(JsonNode versions) {
        Set<String> values = new TreeSet<>();
        versions.forEach(v -> {
            if (!v.path("tombstone").asBoolean(false)) {
                values.add(new String(Base64.getDecoder().decode(v.path("value").asText("")),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        return values;
    }

    private CompletableFuture<JsonNode> get(String node, String pathAndQuery) {
        return send(node, HttpRequest.newBuilder(nodes.get(node).resolve(pathAndQuery)).GET());
    }

    private CompletableFuture<JsonNode> send(String node, HttpRequest.Builder request) {
        return http.sendAsync(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(node + " answered " + response.statusCode() + " to "
                                + response.request().uri().getPath());
                    }
                    try {
                        return JSON.readTree(response.body());
                    } catch (IOException e) {
                        throw new IllegalStateException(node + " sent malformed JSON: " + e.getMessage(), e);
                    }
                });
    }

    private static String encode(String key) {
        return java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
