package dev.faultline.faults.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.faults.proxy.EchoClient;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each kind of link fault measured on real TCP traffic through Faultline's fault proxy, and each one healed. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class LinkFaultKindsIT extends FaultProxyFixture {

    @Test
    void aLinkCreatedWithAFaultHasItFromItsFirstConnection() throws Exception {
        List<FaultHandle> handles = new java.util.ArrayList<>();

        Link link = faults.createLink("lb", "n1", echo.address(),
                created -> handles.add(faults.latency(created, Duration.ofMillis(200), Duration.ZERO)));

        assertThat(observer.getProxy(link.proxyName()).isEnabled()).isTrue();
        try (EchoClient client = new EchoClient(link.listen())) {
            assertThat(client.roundTrip("first")).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        }
        handles.get(0).heal();
        assertThat(faults.verifyHealed()).isEqualTo(new HealCheck(true, List.of()));
    }

    @Test
    void blackholeHoldsConnectionsWithoutAnswerUntilHealed() throws Exception {
        Link link = faults.createLink("lb", "n1", echo.address());
        FaultHandle blackhole = faults.blackhole(link, List.of(Flow.FORWARD, Flow.BACKWARD));

        try (EchoClient client = new EchoClient(link.listen())) {
            client.setReadTimeout(Duration.ofMillis(400));
            client.send("lost");
            assertThatThrownBy(client::readOne).isInstanceOf(SocketTimeoutException.class);
        }
        blackhole.heal();
        try (EchoClient client = new EchoClient(link.listen())) {
            client.roundTrip("healed");
        }
        assertThat(faults.verifyHealed().verified()).isTrue();
    }

    @Test
    void rejectRefusesNewConnectionsUntilHealed() throws Exception {
        Link link = faults.createLink("lb", "n1", echo.address());
        FaultHandle reject = faults.reject(link);

        assertThatThrownBy(() -> new EchoClient(link.listen())).isInstanceOf(ConnectException.class);
        assertThat(faults.verifyHealed().leftovers()).containsExactly("lb->n1: proxy 'lb-to-n1' is disabled");

        reject.heal();
        reject.heal();
        try (EchoClient client = new EchoClient(link.listen())) {
            client.roundTrip("healed on the same port");
        }
        assertThat(faults.verifyHealed().verified()).isTrue();
    }

    @Test
    void resetResetsAConnectionAsSoonAsItCarriesARequest() throws Exception {
        Link link = faults.createLink("lb", "n1", echo.address());
        FaultHandle reset = faults.reset(link);

        try (EchoClient client = new EchoClient(link.listen())) {
            assertThatThrownBy(() -> {
                client.send("boom");
                client.readOne();
                client.send("more");
                client.readOne();
            }).isInstanceOf(IOException.class).hasMessageContaining("reset");
        }
        reset.heal();
        assertThat(faults.verifyHealed().verified()).isTrue();
    }

    @Test
    void bandwidthSlowsALargeBodyInBothDirections() throws Exception {
        Link link = faults.createLink("lb", "n1", echo.address());
        FaultHandle bandwidth = faults.bandwidth(link, 20_000);
        String body = "x".repeat(10_000);

        try (EchoClient client = new EchoClient(link.listen())) {
            // 10 kB each way at 20 kB/s: at least 0.5 s up and 0.5 s down
            assertThat(client.roundTrip(body)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        }
        bandwidth.heal();
        assertThat(faults.verifyHealed().verified()).isTrue();
    }

    @Test
    void verifyHealedNamesEveryToxicLeftBehind() {
        Link link = faults.createLink("lb", "n1", echo.address());
        faults.latency(link, Duration.ofMillis(5), Duration.ZERO);

        HealCheck check = faults.verifyHealed();

        assertThat(check.verified()).isFalse();
        assertThat(check.leftovers()).singleElement().asString()
                .startsWith("lb->n1: toxic 'latency-").endsWith("' is still in place");
        faults.healAll();
        assertThat(faults.verifyHealed().verified()).isTrue();
    }

    @Test
    void leasedLinksAreRenewedWhileTheirControllerLivesAndReleasedAfter() throws Exception {
        LinkFaults leased = new LinkFaults(server.apiHost(), server.apiPort(), "run1-", Duration.ofMillis(300));
        Link link = leased.createLink("lb", "n1", echo.address());
        leased.latency(link, Duration.ofMillis(5), Duration.ZERO);

        Thread.sleep(1_000);

        assertThat(link.proxyName()).isEqualTo("run1-lb-to-n1");
        assertThat(leased.leased()).isTrue();
        assertThat(observer.getProxy(link.proxyName()).toxics().getAll()).hasSize(1);
        assertThat(leaseStatus(link)).isEqualTo(200);
        leased.healAll();
        leased.deleteLinks();
        assertThat(observer.getProxyOrNull(link.proxyName())).isNull();
    }

    private int leaseStatus(Link link) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + server.apiPort() + "/proxies/" + link.proxyName() + "/lease")).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
