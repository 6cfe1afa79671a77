package dev.faultline.cluster.store;

import dev.faultline.cluster.testkit.TcpRelay;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * N store nodes {@code n1..nN} on 127.0.0.1 whose node-to-node traffic goes through one link per directed pair
 * ({@link NodeLinks}: by default a {@link TcpRelay}, or the fault proxy), so a test can partition them and heal the
 * partition. Clients talk to the nodes directly.
 */
final class TestCluster implements AutoCloseable {
    /** The settings every node shares. */
    record Settings(int replication, Consistency consistency, Conflicts conflicts, Duration antiEntropyPeriod,
            Duration requestTimeout, boolean hintedHandoff) {

        /** With hinted handoff on. */
        Settings(int replication, Consistency consistency, Conflicts conflicts, Duration antiEntropyPeriod,
                Duration requestTimeout) {
            this(replication, consistency, conflicts, antiEntropyPeriod, requestTimeout, true);
        }
    }

    private final Map<String, StoreNode> nodes = new LinkedHashMap<>();
    private final Map<String, ApplyTimes> applyTimes = new LinkedHashMap<>();
    private final NodeLinks links;
    private final Set<String> linkNames = new LinkedHashSet<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private TestCluster(NodeLinks links) {
        this.links = links;
    }

    static TestCluster start(int size, Settings settings) throws IOException {
        return start(size, settings, new RelayLinks());
    }

    /** Starts the nodes with their traffic through {@code links}, which the cluster closes. */
    static TestCluster start(int size, Settings settings, NodeLinks links) throws IOException {
        TestCluster cluster = new TestCluster(links);
        Map<String, Integer> linkPorts = new LinkedHashMap<>();
        try {
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= size; i++) {
                names.add("n" + i);
            }
            for (String from : names) {
                for (String to : names) {
                    if (!from.equals(to)) {
                        linkPorts.put(from + "->" + to, links.open(from + "->" + to));
                        cluster.linkNames.add(from + "->" + to);
                    }
                }
            }
            for (String self : names) {
                List<Peer> peers = names.stream().filter(name -> !name.equals(self))
                        .map(peer -> new Peer(peer, "127.0.0.1", linkPorts.get(self + "->" + peer)))
                        .toList();
                StoreNodeConfig config = new StoreNodeConfig(self, "127.0.0.1", 0, peers, settings.replication(),
                        settings.consistency(), null, null, settings.conflicts(), Durability.NONE, null,
                        settings.antiEntropyPeriod(), settings.requestTimeout(), 64, settings.hintedHandoff());
                ApplyTimes applied = new ApplyTimes();
                cluster.applyTimes.put(self, applied);
                cluster.nodes.put(self, StoreNode.start(config, applied));
            }
            for (String link : cluster.linkNames) {
                links.target(link, cluster.nodes.get(link.substring(link.indexOf("->") + 2)).address());
            }
            return cluster;
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    StoreNode node(String name) {
        return nodes.get(name);
    }

    /** When each key first changed on {@code node} (the nodes keep no log). */
    ApplyTimes applyTimes(String node) {
        return applyTimes.get(node);
    }

    /** Cuts every link between nodes of different groups, both ways. */
    void partition(Set<String> side) {
        for (String link : linkNames) {
            String from = link.substring(0, link.indexOf("->"));
            String to = link.substring(link.indexOf("->") + 2);
            if (side.contains(from) != side.contains(to)) {
                unchecked(() -> links.cut(link));
            }
        }
    }

    void heal() {
        linkNames.forEach(link -> unchecked(() -> links.restore(link)));
    }

    private interface LinkChange {
        void run() throws IOException;
    }

    private static void unchecked(LinkChange change) {
        try {
            change.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until every node has coordinated one write of {@code key} (up to 30 s): a quorum cluster's first writes in
     * a fresh JVM on a loaded machine can miss a short request timeout while classes load and connections open.
     */
    void awaitWritable(String key) {
        for (String node : nodes.keySet()) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> put(node, key, node).statusCode() == 204);
        }
    }

    HttpResponse<String> put(String node, String key, String value, String... headers) throws Exception {
        return send(node, "/kv/" + key, HttpRequest.newBuilder().PUT(BodyPublishers.ofString(value)), headers);
    }

    HttpResponse<String> get(String node, String key) throws Exception {
        return send(node, "/kv/" + key, HttpRequest.newBuilder().GET());
    }

    HttpResponse<String> add(String node, String key, String element) throws Exception {
        return send(node, "/kv/" + key + "/add", HttpRequest.newBuilder().POST(BodyPublishers.ofString(element)));
    }

    /** The node's {@code GET /internal/digest} with the node's name taken out, so equal states compare equal. */
    String digest(String node) throws Exception {
        return send(node, "/internal/digest", HttpRequest.newBuilder().GET()).body().replace("\"" + node + "\"", "\"\"");
    }

    HttpResponse<String> send(String node, String path, HttpRequest.Builder request, String... headers) throws Exception {
        InetSocketAddress address = nodes.get(node).address();
        request.uri(URI.create("http://127.0.0.1:" + address.getPort() + path)).timeout(Duration.ofSeconds(5));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }

    @Override
    public void close() throws IOException {
        nodes.values().forEach(StoreNode::close);
        links.close();
    }
}
