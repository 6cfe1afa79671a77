package dev.faultline.cluster.balancer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class ForwardingTest {
    private static final Backend N1 = new Backend("n1", new InetSocketAddress("127.0.0.1", 4567));
    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 50000);

    @Test
    void requestKeepsMethodTargetEndToEndHeadersAndBody() {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_0, HttpMethod.PUT, "/kv/a?x=1",
                Unpooled.copiedBuffer("value", UTF_8));
        request.headers().set("Host", "lb").set("X-Client-Id", "c1").set("Connection", "keep-alive")
                .set("Expect", "100-continue");

        FullHttpRequest forwarded = Forwarding.toBackend(request, Forwarding.clientIp(CLIENT));

        assertThat(forwarded.protocolVersion()).isEqualTo(HttpVersion.HTTP_1_1);
        assertThat(forwarded.method()).isEqualTo(HttpMethod.PUT);
        assertThat(forwarded.uri()).isEqualTo("/kv/a?x=1");
        assertThat(forwarded.headers().get("Host")).isEqualTo("lb");
        assertThat(forwarded.headers().get("X-Client-Id")).isEqualTo("c1");
        assertThat(forwarded.headers().get("Content-Length")).isEqualTo("5");
        assertThat(forwarded.headers().get("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(forwarded.headers().contains("Connection")).isFalse();
        assertThat(forwarded.headers().contains("Expect")).isFalse();
        assertThat(forwarded.content().toString(UTF_8)).isEqualTo("value");
    }

    @Test
    void requestWithoutBodyGetsNoContentLength() {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/health");

        FullHttpRequest forwarded = Forwarding.toBackend(request, Forwarding.clientIp(CLIENT));

        assertThat(forwarded.headers().contains("Content-Length")).isFalse();
    }

    @Test
    void responseKeepsStatusHeadersAndBodyAndNamesTheBackend() {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_FOUND,
                Unpooled.copiedBuffer("no such key", UTF_8));
        response.headers().set("X-Node", "n1").set("Connection", "close").set("Keep-Alive", "timeout=1");

        FullHttpResponse back = Forwarding.toClient(response, N1, HttpMethod.GET);

        assertThat(back.status().code()).isEqualTo(404);
        assertThat(back.headers().get("X-Node")).isEqualTo("n1");
        assertThat(back.headers().get("X-Backend")).isEqualTo("n1");
        assertThat(back.headers().get("Content-Length")).isEqualTo("11");
        assertThat(back.headers().contains("Connection")).isFalse();
        assertThat(back.headers().contains("Keep-Alive")).isFalse();
        assertThat(back.content().toString(UTF_8)).isEqualTo("no such key");
    }

    @Test
    void answerToHeadKeepsTheBackendsContentLength() {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        response.headers().set("Content-Length", "42");

        assertThat(Forwarding.toClient(response, N1, HttpMethod.HEAD).headers().get("Content-Length")).isEqualTo("42");
    }
}
