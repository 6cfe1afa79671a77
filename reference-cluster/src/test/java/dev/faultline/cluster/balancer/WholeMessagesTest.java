package dev.faultline.cluster.balancer;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

class WholeMessagesTest {
    /** Counts the messages the aggregator had to build (it lets whole ones through untouched). */
    private static final class CountingAggregator extends HttpObjectAggregator {
        int built;

        CountingAggregator() {
            super(1024 * 1024);
        }

        @Override
        protected void finishAggregation(FullHttpMessage aggregated) throws Exception {
            built++;
            super.finishAggregation(aggregated);
        }
    }

    private final CountingAggregator aggregator = new CountingAggregator();

    private EmbeddedChannel server() {
        return new EmbeddedChannel(new HttpServerCodec(), new WholeMessages(), aggregator);
    }

    private static ByteBuf ascii(String text) {
        return Unpooled.copiedBuffer(text, US_ASCII);
    }

    @Test
    void aRequestThatArrivesInOneReadSkipsTheAggregator() {
        EmbeddedChannel channel = server();

        channel.writeInbound(ascii("POST /kv/a HTTP/1.1\r\nHost: lb\r\nContent-Length: 5\r\n\r\nvalue"));

        FullHttpRequest request = channel.readInbound();
        assertThat(request.method()).isEqualTo(HttpMethod.POST);
        assertThat(request.uri()).isEqualTo("/kv/a");
        assertThat(request.headers().get("Host")).isEqualTo("lb");
        assertThat(request.content().toString(US_ASCII)).isEqualTo("value");
        assertThat(aggregator.built).isZero();
        request.release();
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }

    @Test
    void aBodySplitAcrossReadsIsAggregatedOnce() {
        EmbeddedChannel channel = server();

        channel.writeInbound(ascii("POST /kv/a HTTP/1.1\r\nHost: lb\r\nContent-Length: 10\r\n\r\nvalue"));
        assertThat((Object) channel.readInbound()).isNull();
        channel.writeInbound(ascii("-more"));

        FullHttpRequest request = channel.readInbound();
        assertThat(request.content().toString(US_ASCII)).isEqualTo("value-more");
        assertThat(aggregator.built).isEqualTo(1);
        request.release();
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }

    @Test
    void pipelinedRequestsInOneReadComeOutWholeAndInOrder() {
        EmbeddedChannel channel = server();

        channel.writeInbound(ascii("GET /1 HTTP/1.1\r\nHost: lb\r\n\r\nGET /2 HTTP/1.1\r\nHost: lb\r\n\r\n"));

        FullHttpRequest first = channel.readInbound();
        FullHttpRequest second = channel.readInbound();
        assertThat(first.uri()).isEqualTo("/1");
        assertThat(second.uri()).isEqualTo("/2");
        assertThat(aggregator.built).isZero();
        first.release();
        second.release();
    }

    @Test
    void aMalformedRequestStillReachesTheProxyAsAFailure() {
        EmbeddedChannel channel = server();

        channel.writeInbound(ascii("GARBAGE / HTTP/9.9 nonsense\r\n\r\n"));

        FullHttpRequest request = channel.readInbound();
        assertThat(request.decoderResult().isFailure()).isTrue();
        request.release();
        channel.finishAndReleaseAll();
    }

    @Test
    void aSmallResponseFromTheBackendSkipsTheAggregator() {
        EmbeddedChannel channel = new EmbeddedChannel(new HttpClientCodec(), new WholeMessages(), aggregator);
        channel.writeOutbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/"));
        channel.releaseOutbound();

        channel.writeInbound(ascii(
                "HTTP/1.1 200 OK\r\nContent-Length: 13\r\nConnection: keep-alive\r\n\r\nhello, world\n"));

        FullHttpResponse response = channel.readInbound();
        assertThat(response.status().code()).isEqualTo(200);
        assertThat(response.headers().get("Connection")).isEqualTo("keep-alive");
        assertThat(response.content().toString(US_ASCII)).isEqualTo("hello, world\n");
        assertThat(aggregator.built).isZero();
        response.release();
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }
}
