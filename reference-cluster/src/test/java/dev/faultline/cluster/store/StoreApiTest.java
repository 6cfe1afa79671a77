package dev.faultline.cluster.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

class StoreApiTest {
    private final StoreApi api = new StoreApi("n1", new KeyValueStore());

    @Test
    void putThenGetReturnsTheStoredValue() {
        assertThat(call(HttpMethod.PUT, "/kv/user-1", "hello").status().code()).isEqualTo(204);

        FullHttpResponse got = call(HttpMethod.GET, "/kv/user-1", "");
        assertThat(got.status().code()).isEqualTo(200);
        assertThat(body(got)).isEqualTo("hello");
    }

    @Test
    void getOfAnAbsentKeyAnswers404NamingTheKey() {
        FullHttpResponse got = call(HttpMethod.GET, "/kv/missing", "");

        assertThat(got.status().code()).isEqualTo(404);
        assertThat(body(got)).contains("missing");
    }

    @Test
    void deleteRemovesTheKeyAndIsIdempotent() {
        call(HttpMethod.PUT, "/kv/k", "v");

        assertThat(call(HttpMethod.DELETE, "/kv/k", "").status().code()).isEqualTo(204);
        assertThat(call(HttpMethod.DELETE, "/kv/k", "").status().code()).isEqualTo(204);
        assertThat(call(HttpMethod.GET, "/kv/k", "").status().code()).isEqualTo(404);
    }

    @Test
    void keysAreUrlDecoded() {
        call(HttpMethod.PUT, "/kv/a%2Fb%20c", "v");

        assertThat(body(call(HttpMethod.GET, "/kv/a%2Fb%20c", ""))).isEqualTo("v");
        assertThat(api.handle(request(HttpMethod.GET, "/kv/a%2fb%20c?x=1", "")).status().code()).isEqualTo(200);
    }

    @Test
    void emptyKeyAnswers400() {
        assertThat(call(HttpMethod.GET, "/kv/", "").status().code()).isEqualTo(400);
    }

    @Test
    void malformedKeyEscapeAnswers400() {
        assertThat(call(HttpMethod.GET, "/kv/a%zz", "").status().code()).isEqualTo(400);
    }

    @Test
    void healthAnswersOk() {
        FullHttpResponse health = call(HttpMethod.GET, "/health", "");

        assertThat(health.status().code()).isEqualTo(200);
        assertThat(body(health).trim()).isEqualTo("ok");
    }

    @Test
    void digestReportsTheNodeTheKeyCountAndTheStateHash() throws Exception {
        call(HttpMethod.PUT, "/kv/a", "1");
        call(HttpMethod.PUT, "/kv/b", "2");

        JsonNode digest = new ObjectMapper().readTree(body(call(HttpMethod.GET, "/internal/digest", "")));

        assertThat(digest.get("node").asText()).isEqualTo("n1");
        assertThat(digest.get("keys").asInt()).isEqualTo(2);
        assertThat(digest.get("digest").asText()).matches("[0-9a-f]{64}");
    }

    @Test
    void equalStatesReachedInDifferentOrdersReportEqualDigests() {
        StoreApi other = new StoreApi("n2", new KeyValueStore());
        call(HttpMethod.PUT, "/kv/a", "1");
        call(HttpMethod.PUT, "/kv/b", "2");
        other.handle(request(HttpMethod.PUT, "/kv/b", "2"));
        other.handle(request(HttpMethod.PUT, "/kv/x", "gone"));
        other.handle(request(HttpMethod.PUT, "/kv/a", "1"));
        other.handle(request(HttpMethod.DELETE, "/kv/x", ""));

        String mine = body(call(HttpMethod.GET, "/internal/digest", "")).replace("n1", "");
        String theirs = body(other.handle(request(HttpMethod.GET, "/internal/digest", ""))).replace("n2", "");
        assertThat(mine).isEqualTo(theirs);
    }

    @Test
    void unknownPathAnswers404() {
        assertThat(call(HttpMethod.GET, "/nope", "").status().code()).isEqualTo(404);
        assertThat(call(HttpMethod.GET, "/kv/a/b", "").status().code()).isEqualTo(404);
    }

    @Test
    void wrongMethodAnswers405ListingTheAllowedOnes() {
        FullHttpResponse post = call(HttpMethod.POST, "/kv/a", "x");

        assertThat(post.status().code()).isEqualTo(405);
        assertThat(post.headers().get("Allow")).isEqualTo("GET, PUT, DELETE");
        assertThat(body(post)).contains("POST");
        assertThat(call(HttpMethod.DELETE, "/health", "").status().code()).isEqualTo(405);
    }

    private FullHttpResponse call(HttpMethod method, String uri, String body) {
        return api.handle(request(method, uri, body));
    }

    private static FullHttpRequest request(HttpMethod method, String uri, String body) {
        return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri, Unpooled.copiedBuffer(body, UTF_8));
    }

    private static String body(FullHttpResponse response) {
        return response.content().toString(UTF_8);
    }
}
