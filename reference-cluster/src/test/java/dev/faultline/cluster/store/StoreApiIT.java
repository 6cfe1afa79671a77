package dev.faultline.cluster.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.cluster.testkit.RawHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The HTTP API of one node: shapes of answers, and bad input answered with 4xx and a JSON error. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StoreApiIT {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private StoreNode node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void getOfAnAbsentKeyAnswers404WithAJsonErrorNamingTheKey() throws Exception {
        node = StoreNode.start(StoreNodeConfig.local("n1"));

        HttpResponse<String> got = send("/kv/missing", HttpRequest.newBuilder().GET());

        assertThat(got.statusCode()).isEqualTo(404);
        assertThat(got.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(got.body()).isEqualTo("{\"error\":\"no such key: missing\"}");
    }

    @Test
    void deleteRemovesTheKeyAndIsIdempotent() throws Exception {
        node = StoreNode.start(StoreNodeConfig.local("n1"));
        send("/kv/k", HttpRequest.newBuilder().PUT(BodyPublishers.ofString("v")));

        assertThat(send("/kv/k", HttpRequest.newBuilder().DELETE()).statusCode()).isEqualTo(204);
        assertThat(send("/kv/k", HttpRequest.newBuilder().DELETE()).statusCode()).isEqualTo(204);
        assertThat(send("/kv/k", HttpRequest.newBuilder().GET()).statusCode()).isEqualTo(404);
    }

    @Test
    void keysArePercentDecoded() throws Exception {
        node = StoreNode.start(StoreNodeConfig.local("n1"));
        send("/kv/a%2Fb%20c", HttpRequest.newBuilder().PUT(BodyPublishers.ofString("v")));

        assertThat(send("/kv/a%2fb%20c?x=1", HttpRequest.newBuilder().GET()).body()).isEqualTo("v");
    }

    @Test
    void malformedKeysAnswer400WithAJsonError() throws Exception {
        node = StoreNode.start(StoreNodeConfig.local("n1"));

        try (RawHttp raw = new RawHttp(node.address())) {
            for (String path : List.of("/kv/", "/kv/a%zz", "/kv/" + "k".repeat(1025))) {
                RawHttp.Response got = raw.send(RawHttp.get(path)).read();
                assertThat(got.status()).as(path).isEqualTo(400);
                assertThat(got.body()).as(path).startsWith("{\"error\":\"");
            }
        }
    }

    @Test
    void oversizedValueAnswers413WithAJsonError() throws Exception {
        node = StoreNode.start(StoreNodeConfig.local("n1"));

        HttpResponse<String> got = send("/kv/big", HttpRequest.newBuilder()
                .PUT(BodyPublishers.ofByteArray(new byte[ClientApi.MAX_VALUE_BYTES + 1])));

        assertThat(got.statusCode()).isEqualTo(413);
        assertThat(got.body()).contains("at most 1048576 bytes");
    }

    @Test
    void requestBodyOverTheLimitGets413JsonBeforeTheConnectionCloses() throws Exception {
        node = StoreNode.start(StoreNodeConfig.local("n1"));

        try (RawHttp raw = new RawHttp(node.address())) {
            RawHttp.Response response = raw.send("PUT /kv/huge HTTP/1.1\r\nHost: n1\r\nContent-Length: "
                    + (StoreChannelInitializer.MAX_REQUEST_BYTES + 1) + "\r\n\r\n").read();

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.body()).startsWith("{\"error\":\"a request body may have at most");
        }
    }

    @Test
    void unknownRoutesAndMethodsAnswer4xxWithAJsonError() throws Exception {
        node = StoreNode.start(StoreNodeConfig.local("n1"));

        HttpResponse<String> unknown = send("/nope", HttpRequest.newBuilder().GET());
        HttpResponse<String> nested = send("/kv/a/b", HttpRequest.newBuilder().GET());
        HttpResponse<String> post = send("/kv/a", HttpRequest.newBuilder().POST(BodyPublishers.ofString("x")));

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"no such path: /nope\"}");
        assertThat(nested.statusCode()).isEqualTo(404);
        assertThat(nested.body()).contains("%2F");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, PUT, DELETE");
        assertThat(post.body()).startsWith("{\"error\":\"method POST not allowed");
    }

    @Test
    void addingToASetNeedsASetUnionStore() throws Exception {
        node = StoreNode.start(StoreNodeConfig.local("n1"));

        HttpResponse<String> add = send("/kv/s/add", HttpRequest.newBuilder().POST(BodyPublishers.ofString("x")));

        assertThat(add.statusCode()).isEqualTo(400);
        assertThat(add.body()).contains("set-union").contains("lww");
    }

    @Test
    void setUnionStoreAddsElementsAndAnswersTheSetAsAJsonArray() throws Exception {
        node = StoreNode.start(new StoreNodeConfig("n1", "127.0.0.1", 0, List.of(), null, null, null, null,
                Conflicts.SET_UNION, null, null, null, null, null));
        for (String element : List.of("b", "a", "b")) {
            assertThat(send("/kv/s/add", HttpRequest.newBuilder().POST(BodyPublishers.ofString(element))).statusCode())
                    .isEqualTo(204);
        }

        HttpResponse<String> set = send("/kv/s", HttpRequest.newBuilder().GET());
        HttpResponse<String> put = send("/kv/s", HttpRequest.newBuilder().PUT(BodyPublishers.ofString("x")));
        HttpResponse<String> empty = send("/kv/s/add", HttpRequest.newBuilder().POST(BodyPublishers.ofString("")));

        assertThat(set.body()).isEqualTo("[\"a\",\"b\"]");
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.body()).contains("only grows");
        assertThat(empty.statusCode()).isEqualTo(400);
    }

    @Test
    void clockSkewIsSetAndReadAndABadBodyAnswers400() throws Exception {
        node = StoreNode.start(StoreNodeConfig.local("n1"));

        HttpResponse<String> set = send("/admin/clock", HttpRequest.newBuilder().POST(BodyPublishers.ofString("{\"skewMs\":-1500}")));
        HttpResponse<String> read = send("/admin/clock", HttpRequest.newBuilder().GET());
        HttpResponse<String> bad = send("/admin/clock", HttpRequest.newBuilder().POST(BodyPublishers.ofString("{\"skew\":1}")));

        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"skewMs\":-1500");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("skewMs");
    }

    @Test
    void malformedInternalRequestsAnswer400() throws Exception {
        node = StoreNode.start(StoreNodeConfig.local("n1"));

        HttpResponse<String> merge = send("/internal/merge", HttpRequest.newBuilder().POST(BodyPublishers.ofString("{not json")));
        HttpResponse<String> buckets = send("/internal/buckets", HttpRequest.newBuilder().GET());

        assertThat(merge.statusCode()).isEqualTo(400);
        assertThat(merge.body()).startsWith("{\"error\":\"malformed");
        assertThat(buckets.statusCode()).isEqualTo(400);
    }

    @Test
    void metricsAreServedInPrometheusTextFormat() throws Exception {
        node = StoreNode.start(StoreNodeConfig.local("n1"));
        send("/kv/k", HttpRequest.newBuilder().PUT(BodyPublishers.ofString("v")));
        send("/kv/k", HttpRequest.newBuilder().GET());

        HttpResponse<String> metrics = send("/metrics", HttpRequest.newBuilder().GET());

        assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(metrics.body())
                .contains("store_requests_seconds_count{node=\"n1\",op=\"put\",status=\"204\"} 1")
                .contains("store_requests_seconds_count{node=\"n1\",op=\"get\",status=\"200\"} 1")
                .contains("store_hints_pending{node=\"n1\"} 0.0")
                .contains("# TYPE store_replication_lag_seconds")
                .contains("store_anti_entropy_rounds_total{node=\"n1\"} 0.0")
                .contains("store_anti_entropy_keys_repaired_total{node=\"n1\"} 0.0")
                .as("quorum failures are served from the start, at zero")
                .contains("store_quorum_failures_total{node=\"n1\",op=\"write\"} 0.0")
                .contains("store_quorum_failures_total{node=\"n1\",op=\"read\"} 0.0");
    }

    private HttpResponse<String> send(String path, HttpRequest.Builder request) throws Exception {
        return http.send(request.uri(URI.create("http://127.0.0.1:" + node.port() + path))
                .timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofString());
    }
}
