package dev.faultline.cluster.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.cluster.testkit.RawHttp;
import dev.faultline.cluster.testkit.SwitchableBackend;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class Layer4IT {
    private final BalancerFixture fixture = new BalancerFixture();

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    /** One request on a new connection from {@code source}; returns the node that answered. */
    private static String nodeFrom(Balancer lb, String source) throws Exception {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            socket.connect(lb.address(), 5_000);
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(RawHttp.get("/x", "Connection: close").getBytes());
            String answer = new String(socket.getInputStream().readAllBytes());
            assertThat(answer).startsWith("HTTP/1.1 200");
            return answer.replaceAll("(?s).*\\n[Xx]-[Nn]ode: (\\S+).*", "$1");
        }
    }

    @Test
    void layerFourRelaysConnectionsRoundRobin() throws Exception {
        List<SwitchableBackend> backends = fixture.backends(2);
        Balancer lb = fixture.balancer(backends, BalancerSettings.DEFAULTS.withLayer(4));

        List<String> nodes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            nodes.add(nodeFrom(lb, "127.0.0.1"));
        }

        assertThat(nodes).containsExactly("n1", "n2", "n1", "n2");
    }

    @Test
    void layerFourKeepsAConnectionOnOneBackendForAllItsRequests() throws Exception {
        List<SwitchableBackend> backends = fixture.backends(2);
        Balancer lb = fixture.balancer(backends, BalancerSettings.DEFAULTS.withLayer(4));

        Set<String> nodes = new HashSet<>();
        try (RawHttp raw = new RawHttp(lb.address())) {
            for (int i = 0; i < 5; i++) {
                nodes.add(raw.send(RawHttp.get("/x")).read().header("X-Node"));
            }
        }

        assertThat(nodes).hasSize(1);
    }

    @Test
    void layerFourConsistentHashKeepsEachClientAddressOnOneBackend() throws Exception {
        List<SwitchableBackend> backends = fixture.backends(3);
        Balancer lb = fixture.balancer(backends, BalancerSettings.DEFAULTS.withLayer(4)
                .withStrategy(Strategy.CONSISTENT_HASH, "ip"));

        Set<String> used = new HashSet<>();
        for (int client = 2; client < 14; client++) {
            String source = "127.0.0." + client;
            Set<String> forClient = new HashSet<>();
            for (int i = 0; i < 3; i++) {
                forClient.add(nodeFrom(lb, source));
            }
            assertThat(forClient).as("backends of %s", source).hasSize(1);
            used.addAll(forClient);
        }

        assertThat(used).hasSizeGreaterThan(1);
    }

    @Test
    void layerFourClosesTheClientWhenTheBackendRefusesAndLeaksNothing() throws Exception {
        Balancer lb = fixture.started(Balancer.start(BalancerConfig.local("lb",
                List.of(new Backend("gone", dev.faultline.cluster.testkit.Ports.refusing())))
                .withSettings(BalancerSettings.DEFAULTS.withLayer(4))));

        try (RawHttp raw = new RawHttp(lb.address())) {
            raw.send(RawHttp.get("/x"));
            assertThat(raw.closedByServer()).isTrue();
        }

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> lb.openConnections() == 0);
        assertThat(fixture.metrics(lb)).contains("balancer_errors_total{component=\"lb\",kind=\"connect_failed\"} 1.0");
    }

    @Test
    void layerFourPassesAClientsHalfCloseOnAndStillRelaysTheAnswer() throws Exception {
        try (ServerSocket backend = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            // a backend that answers only once its input has ended: it sees the client's FIN through the relay
            Thread server = new Thread(() -> {
                try (Socket peer = backend.accept()) {
                    peer.setSoTimeout(10_000);
                    byte[] request = peer.getInputStream().readAllBytes();
                    peer.getOutputStream().write(("read " + request.length + " bytes").getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // the client's assertion says what went wrong
                }
            }, "half-close-backend");
            server.setDaemon(true);
            server.start();
            Balancer lb = fixture.started(Balancer.start(BalancerConfig.local("lb",
                            List.of(new Backend("n1", (InetSocketAddress) backend.getLocalSocketAddress())))
                    .withSettings(BalancerSettings.DEFAULTS.withLayer(4))));

            try (Socket client = new Socket(lb.address().getAddress(), lb.port())) {
                client.setSoTimeout(5_000);
                client.getOutputStream().write("hello, relay".getBytes(StandardCharsets.US_ASCII));
                client.shutdownOutput();
                String answer = new String(client.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

                assertThat(answer).isEqualTo("read 12 bytes");
            }
            server.join(5_000);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> lb.openConnections() == 0);
        }
    }
}
