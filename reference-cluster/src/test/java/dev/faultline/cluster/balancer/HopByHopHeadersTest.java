package dev.faultline.cluster.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.Test;

class HopByHopHeadersTest {

    @Test
    void connectionLevelHeadersAreRemoved() {
        HttpHeaders headers = new DefaultHttpHeaders()
                .add("Connection", "keep-alive")
                .add("Keep-Alive", "timeout=5")
                .add("Transfer-Encoding", "chunked")
                .add("TE", "trailers")
                .add("Upgrade", "websocket")
                .add("Proxy-Authorization", "secret")
                .add("Trailer", "X-Checksum");

        HopByHopHeaders.strip(headers);

        assertThat(headers.isEmpty()).isTrue();
    }

    @Test
    void headersNamedInConnectionAreRemoved() {
        HttpHeaders headers = new DefaultHttpHeaders()
                .add("Connection", "X-Session, close")
                .add("Connection", "x-other")
                .add("X-Session", "abc")
                .add("X-Other", "1");

        HopByHopHeaders.strip(headers);

        assertThat(headers.names()).isEmpty();
    }

    @Test
    void endToEndHeadersAreKept() {
        HttpHeaders headers = new DefaultHttpHeaders()
                .add("Host", "example")
                .add("Content-Type", "text/plain")
                .add("X-Client-Id", "c7")
                .add("Connection", "close");

        HopByHopHeaders.strip(headers);

        assertThat(headers.names()).containsExactlyInAnyOrder("Host", "Content-Type", "X-Client-Id");
    }
}
