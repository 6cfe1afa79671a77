package dev.faultline.cluster.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.cluster.testkit.RawHttp;
import dev.faultline.cluster.testkit.SwitchableBackend;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BadInputIT {
    private final BalancerFixture fixture = new BalancerFixture();
    private Balancer lb;

    @BeforeEach
    void start() throws Exception {
        List<SwitchableBackend> backends = fixture.backends(1);
        lb = fixture.balancer(backends, BalancerSettings.DEFAULTS.withClientIdleTimeout(Duration.ofMillis(300)));
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void malformedRequestGets400AndTheConnectionIsClosed() throws Exception {
        try (RawHttp raw = new RawHttp(lb.address())) {
            RawHttp.Response response = raw.send("GARBAGE / HTTP/9.9 nonsense\r\n\r\n").read();

            assertThat(response.status()).isEqualTo(400);
            assertThat(raw.closedByServer()).isTrue();
        }
    }

    @Test
    void oversizedHeadersGet431() throws Exception {
        try (RawHttp raw = new RawHttp(lb.address())) {
            RawHttp.Response response = raw.send(RawHttp.get("/x", "X-Big: " + "a".repeat(20_000))).read();

            assertThat(response.status()).isEqualTo(431);
            assertThat(response.body()).contains("request header fields too large");
        }
    }

    @Test
    void clientStoppingMidRequestGets408AndIdleClientIsClosedQuietly() throws Exception {
        try (RawHttp halfSent = new RawHttp(lb.address()); RawHttp idle = new RawHttp(lb.address())) {
            halfSent.send("GET /x HTTP/1.1\r\nHost: localhost\r\nX-Partial: ");

            RawHttp.Response response = halfSent.read();

            assertThat(response.status()).isEqualTo(408);
            assertThat(halfSent.closedByServer()).isTrue();
            assertThat(idle.closedByServer()).isTrue();
        }
    }

    @Test
    void badClientsLeaveNoConnectionsOpenAndOthersAreStillServed() throws Exception {
        int before = lb.openConnections();
        for (int i = 0; i < 10; i++) {
            try (Socket socket = new Socket(lb.address().getAddress(), lb.port())) {
                OutputStream out = socket.getOutputStream();
                switch (i % 3) {
                    case 0 -> out.write("POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\nonly-part".getBytes());
                    case 1 -> out.write("\u0000\u0001\u0002 not http\r\n\r\n".getBytes());
                    default -> out.write("GET /x HTTP/1.1\r\nHo".getBytes());
                }
                out.flush();
            }
        }

        assertThat(fixture.get(lb, "/x").statusCode()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> lb.openConnections() <= before);
        assertThat(lb.openConnections()).isEqualTo(before);
    }
}
