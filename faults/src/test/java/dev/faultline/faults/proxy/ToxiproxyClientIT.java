package dev.faultline.faults.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicList;
import eu.rekawek.toxiproxy.model.toxic.Bandwidth;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import eu.rekawek.toxiproxy.model.toxic.LimitData;
import eu.rekawek.toxiproxy.model.toxic.ResetPeer;
import eu.rekawek.toxiproxy.model.toxic.Slicer;
import eu.rekawek.toxiproxy.model.toxic.SlowClose;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A whole scenario through the real toxiproxy-java client, as users with a Toxiproxy client would drive us. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ToxiproxyClientIT {

    @Test
    void theToxiproxyJavaClientDrivesAProxyThroughItsWholeLife() throws Exception {
        try (FaultProxyServer server = FaultProxyServer.start("127.0.0.1", 0); EchoServer echo = new EchoServer()) {
            ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", server.apiPort());

            Proxy proxy = client.createProxy("echo", "localhost:0", echo.hostPort());
            assertThat(proxy.getListen()).startsWith("127.0.0.1:").doesNotEndWith(":0");
            assertThatThrownBy(() -> client.createProxy("echo", "localhost:0", echo.hostPort()))
                    .isInstanceOf(IOException.class).hasMessage("[409] proxy already exists");

            Latency latency = proxy.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 250).setJitter(10);
            assertThat(client.getProxy("echo").toxics().getAll()).hasSize(1);
            Latency read = client.getProxy("echo").toxics().get("slow", Latency.class);
            assertThat(read.getLatency()).isEqualTo(250);
            assertThat(read.getJitter()).isEqualTo(10);
            assertThat(read.getStream()).isEqualTo(ToxicDirection.DOWNSTREAM);
            try (EchoClient echoClient = EchoClient.connect(proxy.getListen())) {
                assertThat(echoClient.roundTrip("hi")).isGreaterThanOrEqualTo(Duration.ofMillis(240));
            }

            latency.setToxicity(0.5f);
            assertThat(client.getProxy("echo").toxics().get("slow").getToxicity()).isEqualTo(0.5f);
            proxy.disable();
            assertThat(client.getProxy("echo").isEnabled()).isFalse();

            client.reset();
            assertThat(client.getProxy("echo").isEnabled()).isTrue();
            assertThat(client.getProxy("echo").toxics().getAll()).isEmpty();
            assertThat(client.getProxies()).extracting(Proxy::getName).containsExactly("echo");
            assertThat(client.version()).contains("2.12.0");

            proxy.delete();
            assertThat(client.getProxyOrNull("echo")).isNull();
        }
    }

    @Test
    void theToxiproxyJavaClientCreatesReadsUpdatesAndRemovesEveryToxicType() throws Exception {
        try (FaultProxyServer server = FaultProxyServer.start("127.0.0.1", 0); EchoServer echo = new EchoServer()) {
            ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", server.apiPort());
            Proxy proxy = client.createProxy("all", "127.0.0.1:0", echo.hostPort());
            ToxicList toxics = proxy.toxics();

            toxics.bandwidth("bw", ToxicDirection.DOWNSTREAM, 100).setRate(200);
            toxics.slowClose("sc", ToxicDirection.UPSTREAM, 10).setDelay(20);
            toxics.timeout("to", ToxicDirection.UPSTREAM, 0).setTimeout(30);
            toxics.resetPeer("rp", ToxicDirection.DOWNSTREAM, 5).setTimeout(6);
            toxics.slicer("sl", ToxicDirection.UPSTREAM, 64, 1000).setSizeVariation(8);
            toxics.limitData("ld", ToxicDirection.DOWNSTREAM, 100).setBytes(1000);
            toxics.latency("la", ToxicDirection.UPSTREAM, 7).setJitter(3);

            ToxicList read = client.getProxy("all").toxics();
            assertThat(read.getAll()).extracting(Toxic::getName)
                    .as("upstream toxics first, then downstream, each in creation order")
                    .containsExactly("sc", "to", "sl", "la", "bw", "rp", "ld");
            assertThat(read.get("bw", Bandwidth.class).getRate()).isEqualTo(200);
            assertThat(read.get("sc", SlowClose.class).getDelay()).isEqualTo(20);
            assertThat(read.get("to", eu.rekawek.toxiproxy.model.toxic.Timeout.class).getTimeout()).isEqualTo(30);
            assertThat(read.get("rp", ResetPeer.class).getTimeout()).isEqualTo(6);
            Slicer slicer = read.get("sl", Slicer.class);
            assertThat(List.of(slicer.getAverageSize(), slicer.getSizeVariation(), slicer.getDelay()))
                    .containsExactly(64L, 8L, 1000L);
            assertThat(read.get("ld", LimitData.class).getBytes()).isEqualTo(1000);
            assertThat(read.get("la", Latency.class).getJitter()).isEqualTo(3);
            assertThat(read.get("la").getStream()).isEqualTo(ToxicDirection.UPSTREAM);
            assertThat(read.get("la").getToxicity()).isEqualTo(1.0f);

            assertThatThrownBy(() -> toxics.latency("la", ToxicDirection.DOWNSTREAM, 1))
                    .isInstanceOf(IOException.class).hasMessage("[409] toxic already exists");
            assertThatThrownBy(() -> read.get("nope")).isInstanceOf(IOException.class).hasMessage("[404] toxic not found");
            assertThatThrownBy(() -> client.getProxy("nope")).isInstanceOf(IOException.class)
                    .hasMessage("[404] proxy not found");

            for (Toxic toxic : read.getAll()) {
                toxic.remove();
            }
            assertThat(client.getProxy("all").toxics().getAll()).isEmpty();
            assertThatThrownBy(() -> read.get("la").remove()).isInstanceOf(IOException.class)
                    .hasMessage("[404] toxic not found");
        }
    }

    @Test
    void theToxiproxyJavaClientMovesAProxyToANewListenAndUpstream() throws Exception {
        try (FaultProxyServer server = FaultProxyServer.start("127.0.0.1", 0);
             EchoServer first = new EchoServer(); EchoServer second = new EchoServer()) {
            ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", server.apiPort());
            Proxy proxy = client.createProxy("moving", "127.0.0.1:0", first.hostPort());

            proxy.setUpstream(second.hostPort());
            proxy.setListen("127.0.0.1:0");

            Proxy moved = client.getProxy("moving");
            assertThat(moved.getUpstream()).isEqualTo(second.hostPort());
            assertThat(moved.getListen()).startsWith("127.0.0.1:").doesNotEndWith(":0");
            try (EchoClient echo = EchoClient.connect(moved.getListen())) {
                echo.roundTrip("to the second upstream");
            }
        }
    }
}
