package dev.faultline.cluster.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class ClientKeyTest {
    private final InetSocketAddress client = new InetSocketAddress("127.0.0.9", 40000);

    private static HttpRequest request(String header, String value) {
        HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/");
        if (header != null) {
            request.headers().set(header, value);
        }
        return request;
    }

    @Test
    void headerKeyReadsTheHeader() {
        assertThat(ClientKey.parse("header:X-Client-Id").of(request("X-Client-Id", "c7"), client)).isEqualTo("c7");
    }

    @Test
    void cookieKeyReadsTheNamedCookie() {
        assertThat(ClientKey.parse("cookie:session").of(request("Cookie", "a=1; session=s42"), client)).isEqualTo("s42");
    }

    @Test
    void requestWithoutTheHeaderIsKeyedByItsAddress() {
        assertThat(ClientKey.parse("header:X-Client-Id").of(request(null, null), client)).isEqualTo("127.0.0.9");
    }

    @Test
    void ipKeyIsTheClientAddressWithoutPort() {
        assertThat(ClientKey.IP.of(request("X-Client-Id", "c7"), client)).isEqualTo("127.0.0.9");
    }
}
