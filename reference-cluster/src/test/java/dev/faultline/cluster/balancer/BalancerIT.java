package dev.faultline.cluster.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.cluster.store.StoreNode;
import dev.faultline.cluster.store.StoreNodeConfig;
import dev.faultline.cluster.testkit.EchoBackend;
import dev.faultline.cluster.testkit.Ports;
import dev.faultline.cluster.testkit.RawHttp;
import dev.faultline.cluster.testkit.SilentBackend;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class BalancerIT {
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final List<AutoCloseable> running = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    @Test
    void balancerSpreadsRequestsRoundRobin() throws Exception {
        StoreNode n1 = started(StoreNode.start(StoreNodeConfig.local("n1")));
        StoreNode n2 = started(StoreNode.start(StoreNodeConfig.local("n2")));
        Balancer lb = balancer(Duration.ofSeconds(5), backend(n1), backend(n2));

        List<String> backends = new ArrayList<>();
        List<String> nodes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> response = get(lb, "/health");
            assertThat(response.statusCode()).isEqualTo(200);
            backends.add(response.headers().firstValue("X-Backend").orElse("?"));
            nodes.add(response.headers().firstValue("X-Node").orElse("?"));
        }

        assertThat(backends).containsExactly("n1", "n2", "n1", "n2", "n1", "n2");
        assertThat(nodes).isEqualTo(backends);
    }

    @Test
    void storeApiWorksThroughTheBalancer() throws Exception {
        StoreNode n1 = started(StoreNode.start(StoreNodeConfig.local("n1")));
        Balancer lb = balancer(Duration.ofSeconds(5), backend(n1));

        HttpResponse<String> put = send(HttpRequest.newBuilder(uri(lb, "/kv/a%20b")).PUT(BodyPublishers.ofString("v1")));
        HttpResponse<String> got = get(lb, "/kv/a%20b");
        HttpResponse<String> missing = get(lb, "/kv/other");

        assertThat(put.statusCode()).isEqualTo(204);
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo("v1");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("X-Backend")).hasValue("n1");
    }

    @Test
    void methodPathHeadersAndBodyAreForwarded() throws Exception {
        EchoBackend echo = started(EchoBackend.start());
        Balancer lb = balancer(Duration.ofSeconds(5), new Backend("echo", echo.address()));

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(lb, "/some/path?q=1"))
                .header("X-Custom", "kept")
                .POST(BodyPublishers.ofString("payload")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("payload");
        assertThat(response.headers().firstValue("X-Echo-Method")).hasValue("POST");
        assertThat(response.headers().firstValue("X-Echo-Uri")).hasValue("/some/path?q=1");
        assertThat(response.headers().firstValue("X-Echo-Custom")).hasValue("kept");
        assertThat(response.headers().firstValue("X-Backend")).hasValue("echo");
    }

    @Test
    void hopByHopHeadersAreNotForwarded() throws Exception {
        EchoBackend echo = started(EchoBackend.start());
        Balancer lb = balancer(Duration.ofSeconds(5), new Backend("echo", echo.address()));

        try (RawHttp http = new RawHttp(lb.address())) {
            RawHttp.Response response = http.send(RawHttp.get("/",
                    "Connection: keep-alive, X-Session", "X-Session: secret", "Keep-Alive: timeout=5",
                    "Upgrade: h2c", "X-Custom: kept")).read();

            assertThat(response.header("X-Echo-Header-Names"))
                    .contains("x-custom")
                    .doesNotContain("x-session", "keep-alive", "upgrade");
        }
    }

    @Test
    void keepAliveConnectionToTheBackendIsReused() throws Exception {
        EchoBackend echo = started(EchoBackend.start());
        Balancer lb = balancer(Duration.ofSeconds(5), new Backend("echo", echo.address()));

        Set<String> backendConnections = new HashSet<>();
        try (RawHttp http = new RawHttp(lb.address())) {
            for (int i = 0; i < 5; i++) {
                RawHttp.Response response = http.send(RawHttp.get("/n" + i)).read();
                assertThat(response.status()).isEqualTo(200);
                backendConnections.add(response.header("X-Echo-Client-Port"));
            }
        }

        assertThat(backendConnections).hasSize(1);
    }

    @Test
    void backendConnectionTheBackendClosesIsNotReused() throws Exception {
        EchoBackend echo = started(EchoBackend.start());
        Balancer lb = balancer(Duration.ofSeconds(5), new Backend("echo", echo.address()));

        try (RawHttp http = new RawHttp(lb.address())) {
            RawHttp.Response closing = http.send(RawHttp.get("/close")).read();
            RawHttp.Response next = http.send(RawHttp.get("/after")).read();

            assertThat(closing.status()).isEqualTo(200);
            assertThat(closing.header("Connection")).isNull();
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.header("X-Echo-Client-Port")).isNotEqualTo(closing.header("X-Echo-Client-Port"));
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        EchoBackend echo = started(EchoBackend.start());
        Balancer lb = balancer(Duration.ofSeconds(5), new Backend("echo", echo.address()));

        try (RawHttp http = new RawHttp(lb.address())) {
            http.send(RawHttp.get("/first") + RawHttp.get("/second") + RawHttp.get("/third"));

            assertThat(http.read().header("X-Echo-Uri")).isEqualTo("/first");
            assertThat(http.read().header("X-Echo-Uri")).isEqualTo("/second");
            assertThat(http.read().header("X-Echo-Uri")).isEqualTo("/third");
        }
    }

    @Test
    void clientAskingToCloseGetsTheResponseThenTheConnectionCloses() throws Exception {
        StoreNode n1 = started(StoreNode.start(StoreNodeConfig.local("n1")));
        Balancer lb = balancer(Duration.ofSeconds(5), backend(n1));

        try (RawHttp http = new RawHttp(lb.address())) {
            RawHttp.Response response = http.send(RawHttp.get("/health", "Connection: close")).read();

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void aClientThatSendsARequestThenShutsDownOutputStillGetsItsResponse() throws Exception {
        EchoBackend echo = started(EchoBackend.start());
        Balancer lb = balancer(Duration.ofSeconds(5), new Backend("n1", echo.address()));

        try (Socket socket = new Socket(lb.address().getAddress(), lb.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(RawHttp.get("/slow").getBytes(StandardCharsets.ISO_8859_1));
            socket.shutdownOutput();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(answer).startsWith("HTTP/1.1 200").containsIgnoringCase("X-Echo-Uri: /slow");
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> lb.openConnections() == 0);
    }

    @Test
    void refusedBackendAnswers502NamingIt() throws Exception {
        Backend gone = new Backend("n1", Ports.refusing());
        Balancer lb = balancer(Duration.ofSeconds(5), gone);

        HttpResponse<String> response = get(lb, "/kv/a");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains(gone.describe() + " refused the connection");
        assertThat(response.headers().firstValue("Content-Length")).isPresent();
    }

    @Test
    void backendThatResetsTheConnectionAnswers502NamingIt() throws Exception {
        try (SilentBackend backend = new SilentBackend()) {
            Balancer lb = balancer(Duration.ofSeconds(5), new Backend("n1", backend.address()));

            try (RawHttp http = new RawHttp(lb.address())) {
                http.send(RawHttp.get("/kv/a"));
                Socket accepted = backend.nextConnection();
                accepted.setSoLinger(true, 0);
                accepted.close();

                RawHttp.Response response = http.read();
                assertThat(response.status()).isEqualTo(502);
                assertThat(response.body()).contains("backend n1 (");
            }
        }
    }

    @Test
    void silentBackendAnswers504AfterTheBackendTimeout() throws Exception {
        try (SilentBackend backend = new SilentBackend()) {
            Balancer lb = balancer(Duration.ofMillis(300), new Backend("n1", backend.address()));

            HttpResponse<String> response = get(lb, "/kv/a");

            assertThat(response.statusCode()).isEqualTo(504);
            assertThat(response.body()).contains("backend n1 (").contains("did not answer within 300ms");
        }
    }

    @Test
    void timedOutBackendConnectionIsClosedNotReturnedToThePool() throws Exception {
        try (SilentBackend backend = new SilentBackend()) {
            Balancer lb = balancer(Duration.ofMillis(300), new Backend("n1", backend.address()));

            try (RawHttp http = new RawHttp(lb.address())) {
                assertThat(http.send(RawHttp.get("/one")).read().status()).isEqualTo(504);
                Socket first = backend.nextConnection();
                assertThat(endOfStreamAfterDraining(first)).isTrue();

                assertThat(http.send(RawHttp.get("/two")).read().status()).isEqualTo(504);
                Socket second = backend.nextConnection();
                assertThat(second.getPort()).isNotEqualTo(first.getPort());
            }
        }
    }

    @Test
    void aFailedBackendDoesNotStopTheOthersFromServing() throws Exception {
        StoreNode n2 = started(StoreNode.start(StoreNodeConfig.local("n2")));
        Balancer lb = balancer(Duration.ofSeconds(5), new Backend("n1", Ports.refusing()), backend(n2));

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(get(lb, "/health").statusCode());
        }

        assertThat(statuses).containsExactly(502, 200, 502, 200);
    }

    @Test
    void closeIsIdempotent() throws Exception {
        StoreNode n1 = started(StoreNode.start(StoreNodeConfig.local("n1")));
        Balancer lb = Balancer.start(BalancerConfig.local("lb", List.of(backend(n1))));
        assertThat(get(lb, "/health").statusCode()).isEqualTo(200);

        lb.close();
        lb.close();

        assertThat(lb.port()).isPositive();
    }

    private static boolean endOfStreamAfterDraining(Socket socket) throws Exception {
        socket.setSoTimeout(5_000);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        while (true) {
            if (in.read(buffer) == -1) {
                return true;
            }
        }
    }

    private Balancer balancer(Duration backendTimeout, Backend... backends) {
        return started(Balancer.start(BalancerConfig.local("lb", List.of(backends)).withBackendTimeout(backendTimeout)));
    }

    private static Backend backend(StoreNode node) {
        return new Backend(node.name(), node.address());
    }

    private <T extends AutoCloseable> T started(T server) {
        running.add(server);
        return server;
    }

    private HttpResponse<String> get(Balancer lb, String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(lb, path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofString());
    }

    private static URI uri(Balancer lb, String path) {
        return URI.create("http://127.0.0.1:" + lb.port() + path);
    }
}
