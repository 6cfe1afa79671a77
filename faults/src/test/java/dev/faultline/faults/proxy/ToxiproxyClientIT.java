package dev.faultline.faults.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import java.io.IOException;
import java.time.Duration;
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
}
