package dev.faultline.targets.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.faults.network.FaultHandle;
import dev.faultline.faults.network.Flow;
import dev.faultline.faults.network.Link;
import dev.faultline.targets.ProcessControl;
import dev.faultline.targets.ReferenceClusterConfig;
import dev.faultline.targets.ReferenceClusterTarget;
import dev.faultline.targets.StoreSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A reference cluster whose store nodes are each their own OS process, started through
 * {@link ReferenceClusterTarget} (links through the fault proxy), with HTTP calls straight to a node by name and a
 * partition made the way a plan's partition fault makes it: every node-to-node link across the groups blackholed in
 * both directions through {@link ReferenceClusterTarget#linkFaults()}.
 */
final class StoreProcessCluster implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReferenceClusterTarget target;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final List<FaultHandle> cuts = new ArrayList<>();

    private StoreProcessCluster(ReferenceClusterTarget target) {
        this.target = target;
    }

    static StoreProcessCluster start(int nodes, StoreSettings store, Path workDir) {
        return new StoreProcessCluster(ReferenceClusterTarget.start(new ReferenceClusterConfig(nodes,
                Duration.ofSeconds(2), ReferenceClusterConfig.Isolation.PROCESS, workDir, null, store, null)));
    }

    ReferenceClusterTarget target() {
        return target;
    }

    ProcessControl process(String node) {
        return target.components().get(node).processControl().orElseThrow();
    }

    /** Cuts every link between a node of {@code side} and a node outside it, both ways, until {@link #heal()}. */
    void partition(Set<String> side) {
        for (Map.Entry<String, Link> link : target.links().entrySet()) {
            String[] ends = link.getKey().split("->");
            boolean storeLink = ends[0].startsWith("n") && ends[1].startsWith("n");
            if (storeLink && side.contains(ends[0]) != side.contains(ends[1])) {
                cuts.add(target.linkFaults().blackhole(link.getValue(), List.of(Flow.FORWARD, Flow.BACKWARD)));
            }
        }
        if (cuts.isEmpty()) {
            throw new IllegalArgumentException(side + " cuts no link of " + target.links().keySet());
        }
    }

    void heal() {
        cuts.forEach(FaultHandle::heal);
        cuts.clear();
    }

    HttpResponse<String> put(String node, String key, String value, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder().PUT(BodyPublishers.ofString(value));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(node, "/kv/" + encode(key), request);
    }

    HttpResponse<String> get(String node, String key) throws Exception {
        return send(node, "/kv/" + encode(key), HttpRequest.newBuilder().GET());
    }

    HttpResponse<String> add(String node, String key, String element) throws Exception {
        return send(node, "/kv/" + encode(key) + "/add", HttpRequest.newBuilder().POST(BodyPublishers.ofString(element)));
    }

    /** The elements of a set-union key as {@code node} reads it. */
    List<String> set(String node, String key) throws Exception {
        HttpResponse<String> read = get(node, key);
        if (read.statusCode() != 200) {
            throw new IllegalStateException(node + " answered " + read.statusCode() + " to a read of " + key + ": " + read.body());
        }
        List<String> elements = new ArrayList<>();
        JSON.readTree(read.body()).forEach(element -> elements.add(element.asText()));
        return elements;
    }

    /** The node's whole-state digest, e.g. {@code {"node":"n1","keys":3,"digest":"ab..."}} without the node name. */
    String digest(String node) throws Exception {
        JsonNode digest = JSON.readTree(send(node, "/internal/digest", HttpRequest.newBuilder().GET()).body());
        return digest.get("keys").asLong() + " keys, " + digest.get("digest").asText();
    }

    HttpResponse<String> send(String node, String path, HttpRequest.Builder request) throws IOException, InterruptedException {
        URI uri = target.components().get(node).url().resolve(path);
        return http.send(request.uri(uri).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() {
        heal();
        target.close();
    }
}
