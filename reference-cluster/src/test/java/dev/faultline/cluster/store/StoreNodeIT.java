package dev.faultline.cluster.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.faultline.cluster.http.ServerStartException;
import dev.faultline.cluster.testkit.RawHttp;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class StoreNodeIT {
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private StoreNode node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void putThenGetReturnsTheStoredValue() throws Exception {
        node = StoreNode.start(StoreNodeConfig.local("n1"));

        HttpResponse<String> put = send(HttpRequest.newBuilder(uri("/kv/greeting")).PUT(BodyPublishers.ofString("hello")));
        HttpResponse<String> get = send(HttpRequest.newBuilder(uri("/kv/greeting")).GET());

        assertThat(put.statusCode()).isEqualTo(204);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("hello");
    }

    @Test
    void everyResponseNamesTheNodeAndHasAContentLength() throws Exception {
        node = StoreNode.start(StoreNodeConfig.local("n7"));

        try (RawHttp http = new RawHttp(node.address())) {
            for (String path : new String[] {"/health", "/kv/absent", "/nope", "/internal/digest"}) {
                RawHttp.Response response = http.send(RawHttp.get(path)).read();

                assertThat(response.header("X-Node")).as(path).isEqualTo("n7");
                assertThat(response.header("Content-Length")).as(path).isNotNull();
            }
        }
    }

    @Test
    void keepAliveConnectionServesRequestsOneAfterAnother() throws Exception {
        node = StoreNode.start(StoreNodeConfig.local("n1"));

        try (RawHttp http = new RawHttp(node.address())) {
            http.send("PUT /kv/a HTTP/1.1\r\nHost: n1\r\nContent-Length: 3\r\n\r\nabc");
            assertThat(http.read().status()).isEqualTo(204);
            http.send(RawHttp.get("/kv/a"));
            assertThat(http.read().body()).isEqualTo("abc");
            http.send(RawHttp.get("/kv/a") + RawHttp.get("/health"));
            assertThat(http.read().body()).isEqualTo("abc");
            assertThat(http.read().body().trim()).isEqualTo("ok");
        }
    }

    @Test
    void clientAskingToCloseGetsTheResponseThenTheConnectionCloses() throws Exception {
        node = StoreNode.start(StoreNodeConfig.local("n1"));

        try (RawHttp http = new RawHttp(node.address())) {
            RawHttp.Response response = http.send(RawHttp.get("/health", "Connection: close")).read();

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void nodesWithEqualStatesReportEqualDigests() throws Exception {
        node = StoreNode.start(StoreNodeConfig.local("n1"));
        try (StoreNode other = StoreNode.start(StoreNodeConfig.local("n2"))) {
            put(node, "a", "1");
            put(node, "b", "2");
            put(other, "b", "2");
            put(other, "a", "1");

            String mine = send(HttpRequest.newBuilder(uri(node, "/internal/digest")).GET()).body();
            String theirs = send(HttpRequest.newBuilder(uri(other, "/internal/digest")).GET()).body();

            assertThat(mine).contains("\"node\":\"n1\"").contains("\"keys\":2");
            assertThat(mine.replace("n1", "")).isEqualTo(theirs.replace("n2", ""));
        }
    }

    @Test
    void startingOnATakenPortFailsNamingHostPortAndCause() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> StoreNode.start(new StoreNodeConfig("n1", "127.0.0.1", port)))
                    .isInstanceOf(ServerStartException.class)
                    .hasMessageContaining("127.0.0.1:" + port)
                    .hasMessageContaining("n1")
                    .hasMessageContaining("in use");
        }
    }

    @Test
    void closeIsIdempotentFreesThePortAndTheThreads() throws Exception {
        node = StoreNode.start(StoreNodeConfig.local("closing-node"));
        int port = node.port();
        assertThat(port).isPositive();
        assertThat(threadsNamed("store-closing-node")).isPositive();

        node.close();
        node.close();

        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> threadsNamed("store-closing-node") == 0);
    }

    private static long threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith(prefix))
                .count();
    }

    private void put(StoreNode target, String key, String value) throws Exception {
        send(HttpRequest.newBuilder(uri(target, "/kv/" + key)).PUT(BodyPublishers.ofString(value)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(5)).build(), BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return uri(node, path);
    }

    private static URI uri(StoreNode target, String path) {
        return URI.create("http://127.0.0.1:" + target.port() + path);
    }
}
