package dev.faultline.faults.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Toxics acting on real TCP connections through a proxy to an echo server on 127.0.0.1. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ToxicDataPathIT {

    private static final Duration LATENCY = Duration.ofMillis(300);

    private FaultProxyServer server;
    private RawApi api;
    private EchoServer echo;
    private String listen;

    @BeforeEach
    void start() throws Exception {
        server = FaultProxyServer.start("127.0.0.1", 0);
        api = new RawApi(server);
        echo = new EchoServer();
        listen = api.post("/proxies", "{\"name\":\"echo\",\"listen\":\"127.0.0.1:0\",\"upstream\":\""
                + echo.hostPort() + "\"}").json().get("listen").asText();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        echo.close();
    }

    private void addToxic(String json) throws Exception {
        RawApi.Answer answer = api.post("/proxies/echo/toxics", json);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    private void addLatency(String name, String stream, long ms) throws Exception {
        addToxic("{\"name\":\"" + name + "\",\"type\":\"latency\",\"stream\":\"" + stream
                + "\",\"attributes\":{\"latency\":" + ms + "}}");
    }

    @Test
    void latencyToxicDelaysBytesByItsLatency() throws Exception {
        addLatency("slow", "downstream", LATENCY.toMillis());

        try (EchoClient client = EchoClient.connect(listen)) {
            assertThat(client.roundTrip("ping")).isGreaterThanOrEqualTo(LATENCY);
        }
    }

    @Test
    void latenciesInBothDirectionsAddUp() throws Exception {
        addLatency("up", "upstream", 150);
        addLatency("down", "downstream", 150);

        try (EchoClient client = EchoClient.connect(listen)) {
            assertThat(client.roundTrip("ping")).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    void toxicAddedLaterSlowsAnAlreadyOpenConnection() throws Exception {
        try (EchoClient client = EchoClient.connect(listen)) {
            client.roundTrip("before");

            addLatency("slow", "upstream", LATENCY.toMillis());

            assertThat(client.roundTrip("after")).isGreaterThanOrEqualTo(LATENCY);
        }
    }

    @Test
    void removingAToxicDeliversQueuedBytesInOrderAndStopsDelaying() throws Exception {
        addLatency("stuck", "upstream", 60_000);
        try (EchoClient client = EchoClient.connect(listen)) {
            client.send("first-");
            client.send("second");

            assertThat(api.send("DELETE", "/proxies/echo/toxics/stuck", null).status()).isEqualTo(204);

            assertThat(client.receive("first-second".length())).isEqualTo("first-second");
            assertThat(client.roundTrip("third")).isLessThan(Duration.ofSeconds(60));
        }
    }

    @Test
    void jitterNeverReordersBytesWithinAConnection() throws Exception {
        addToxic("{\"type\":\"latency\",\"stream\":\"upstream\",\"attributes\":{\"latency\":20,\"jitter\":20}}");
        StringBuilder expected = new StringBuilder();
        try (EchoClient client = EchoClient.connect(listen)) {
            for (int i = 0; i < 50; i++) {
                String part = i + ",";
                expected.append(part);
                client.send(part);
            }
            assertThat(client.receive(expected.length())).isEqualTo(expected.toString());
        }
    }

    @Test
    void bulkDataUnderLatencyArrivesWholeAndInOrder() throws Exception {
        addLatency("slow", "upstream", 100);
        byte[] payload = new byte[4 << 20];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 31 + (i >> 11));
        }
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(EchoClient.address(listen), 2000);
            socket.setSoTimeout(10_000);
            CompletableFuture<byte[]> echoed = CompletableFuture.supplyAsync(() -> {
                try {
                    return socket.getInputStream().readNBytes(payload.length);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            long start = System.nanoTime();
            socket.getOutputStream().write(payload);
            socket.getOutputStream().flush();

            assertThat(echoed.get(15, TimeUnit.SECONDS)).isEqualTo(payload);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        }
    }

    @Test
    void zeroToxicityLeavesConnectionsAlone() throws Exception {
        addToxic("{\"type\":\"timeout\",\"stream\":\"upstream\",\"toxicity\":0.0,\"attributes\":{\"timeout\":0}}");

        try (EchoClient client = EchoClient.connect(listen)) {
            client.roundTrip("untouched");
        }
    }

    @Test
    void timeoutZeroHoldsDataForEver() throws Exception {
        addToxic("{\"type\":\"timeout\",\"stream\":\"upstream\",\"attributes\":{\"timeout\":0}}");

        try (EchoClient client = EchoClient.connect(listen)) {
            client.setReadTimeout(Duration.ofMillis(500));
            client.send("lost");
            assertThatThrownBy(client::readOne).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void timeoutClosesTheConnectionAfterItsTimeout() throws Exception {
        addToxic("{\"type\":\"timeout\",\"stream\":\"upstream\",\"attributes\":{\"timeout\":100}}");

        try (EchoClient client = EchoClient.connect(listen)) {
            client.send("lost");
            assertThat(readEnd(client)).isTrue();
        }
    }

    @Test
    void resetPeerResetsTheConnection() throws Exception {
        addToxic("{\"type\":\"reset_peer\",\"stream\":\"upstream\",\"attributes\":{\"timeout\":0}}");

        try (EchoClient client = EchoClient.connect(listen)) {
            client.send("boom");
            assertThatThrownBy(() -> {
                client.readOne();
                client.send("more");
                client.readOne();
            }).isInstanceOf(IOException.class).hasMessageContaining("reset");
        }
    }

    @Test
    void disablingAProxyClosesLiveConnectionsAndRefusesNewOnes() throws Exception {
        try (EchoClient client = EchoClient.connect(listen)) {
            client.roundTrip("alive");

            assertThat(api.post("/proxies/echo", "{\"enabled\":false}").status()).isEqualTo(200);

            assertThat(readEnd(client)).isTrue();
            assertThatThrownBy(() -> EchoClient.connect(listen)).isInstanceOf(ConnectException.class);
        }
        api.post("/proxies/echo", "{\"enabled\":true}");
        try (EchoClient again = EchoClient.connect(listen)) {
            again.roundTrip("same port again");
        }
    }

    @Test
    void bandwidthLimitsTheRate() throws Exception {
        addToxic("{\"type\":\"bandwidth\",\"stream\":\"downstream\",\"attributes\":{\"rate\":10}}");
        String payload = "x".repeat(3000);

        try (EchoClient client = EchoClient.connect(listen)) {
            assertThat(client.roundTrip(payload)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    void slowCloseDelaysTheCloseButNotTheData() throws Exception {
        addToxic("{\"type\":\"slow_close\",\"stream\":\"upstream\",\"attributes\":{\"delay\":400}}");

        try (EchoClient client = EchoClient.connect(listen)) {
            assertThat(client.roundTrip("quick")).isLessThan(Duration.ofMillis(400));
            long start = System.nanoTime();
            client.shutdownOutput();
            assertThat(readEnd(client)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(390));
        }
    }

    @Test
    void slicerDeliversEveryByteInOrderInSmallDelayedPieces() throws Exception {
        addToxic("{\"type\":\"slicer\",\"stream\":\"downstream\",\"attributes\":"
                + "{\"average_size\":10,\"size_variation\":3,\"delay\":5000}}");
        StringBuilder payload = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            payload.append(String.format("%05d", i));
        }

        try (EchoClient client = EchoClient.connect(listen)) {
            // 200 bytes in pieces of at most 13 bytes: at least 15 pieces, 5 ms apart
            assertThat(client.roundTrip(payload.toString())).isGreaterThanOrEqualTo(Duration.ofMillis(70));
        }
    }

    @Test
    void limitDataForwardsExactlyItsBytesThenCloses() throws Exception {
        addToxic("{\"type\":\"limit_data\",\"stream\":\"downstream\",\"attributes\":{\"bytes\":10}}");

        try (EchoClient client = EchoClient.connect(listen)) {
            client.send("0123456");
            assertThat(client.receive(7)).isEqualTo("0123456");
            client.send("789abcdef");
            assertThat(client.receive(3)).isEqualTo("789");
            assertThat(readEnd(client)).isTrue();
        }
    }

    @Test
    void limitDataKeepsItsCountAcrossAnUpdate() throws Exception {
        addToxic("{\"name\":\"cap\",\"type\":\"limit_data\",\"stream\":\"downstream\",\"attributes\":{\"bytes\":10}}");

        try (EchoClient client = EchoClient.connect(listen)) {
            client.roundTrip("012345");
            assertThat(api.post("/proxies/echo/toxics/cap", "{\"attributes\":{\"bytes\":8}}").status()).isEqualTo(200);
            client.send("6789");
            assertThat(client.receive(2)).isEqualTo("67");
            assertThat(readEnd(client)).isTrue();
        }
    }

    /** True when the proxy closed the socket (EOF or reset) rather than sending data. */
    private static boolean readEnd(EchoClient client) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return client.readOne() == -1;
            } catch (IOException e) {
                return !(e instanceof SocketTimeoutException);
            }
        }).get(10, TimeUnit.SECONDS);
    }
}
