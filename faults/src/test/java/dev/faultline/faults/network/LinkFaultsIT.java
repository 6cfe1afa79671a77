package dev.faultline.faults.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.faults.proxy.EchoClient;
import eu.rekawek.toxiproxy.model.Toxic;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The link fault layer against Faultline's fault proxy, through the toxiproxy-java client only. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class LinkFaultsIT extends FaultProxyFixture {

    private static final Duration DELAY = Duration.ofMillis(250);

    private List<String> toxicNames(Link link) throws Exception {
        return observer.getProxy(link.proxyName()).toxics().getAll().stream().map(Toxic::getName).toList();
    }

    @Test
    void createLinkRelaysToTheUpstreamUnderAUrlSafeProxyName() throws Exception {
        Link link = faults.createLink("lb", "n1", echo.address());

        assertThat(link.name()).isEqualTo("lb->n1");
        assertThat(link.proxyName()).isEqualTo("lb-to-n1");
        assertThat(link.listen().getPort()).isPositive();
        try (EchoClient client = new EchoClient(link.listen())) {
            client.roundTrip("through the link");
        }
    }

    @Test
    void latencyDelaysBytesFlowingFromTheLinksSourceToItsTarget() throws Exception {
        Link link = faults.createLink("lb", "n1", echo.address());

        try (FaultHandle ignored = faults.latency(link, DELAY, Duration.ofMillis(10));
             EchoClient client = new EchoClient(link.listen())) {
            assertThat(observer.getProxy(link.proxyName()).toxics().getAll())
                    .singleElement().satisfies(t -> assertThat(t.getStream().name()).isEqualTo("UPSTREAM"));
            assertThat(client.roundTrip("slow")).isGreaterThanOrEqualTo(DELAY.minusMillis(10));
        }
        assertThat(toxicNames(link)).isEmpty();
    }

    @Test
    void healRemovesOnlyItsOwnToxic() throws Exception {
        Link first = faults.createLink("lb", "n1", echo.address());
        Link second = faults.createLink("lb", "n2", echo.address());
        FaultHandle a = faults.latency(first, DELAY, Duration.ZERO);
        FaultHandle b = faults.latency(first, DELAY, Duration.ZERO);
        FaultHandle c = faults.latency(second, DELAY, Duration.ZERO);

        a.heal();

        assertThat(toxicNames(first)).hasSize(1).containsExactly(((ToxicFaultHandle) b).toxicName());
        assertThat(toxicNames(second)).containsExactly(((ToxicFaultHandle) c).toxicName());
    }

    @Test
    void healIsIdempotentAndToleratesAToxicAlreadyGone() throws Exception {
        Link link = faults.createLink("lb", "n1", echo.address());
        FaultHandle handle = faults.latency(link, DELAY, Duration.ZERO);
        observer.reset();

        handle.heal();
        handle.heal();
        handle.close();

        assertThat(toxicNames(link)).isEmpty();
    }

    @Test
    void healAllRemovesEveryToxicAndReenablesEveryLink() throws Exception {
        Link first = faults.createLink("lb", "n1", echo.address());
        Link second = faults.createLink("n1", "n2", echo.address());
        faults.latency(first, DELAY, Duration.ZERO);
        faults.latency(second, DELAY, Duration.ZERO);
        observer.getProxy(second.proxyName()).disable();

        faults.healAll();
        faults.healAll();

        assertThat(toxicNames(first)).isEmpty();
        assertThat(toxicNames(second)).isEmpty();
        assertThat(observer.getProxy(second.proxyName()).isEnabled()).isTrue();
    }

    @Test
    void proxyErrorsNameTheLinkAndTheProxysMessage() {
        faults.createLink("lb", "n1", echo.address());

        assertThatThrownBy(() -> new LinkFaults(server.apiHost(), server.apiPort()).createLink("lb", "n1", echo.address()))
                .isInstanceOf(FaultProxyException.class)
                .hasMessageContaining("'lb->n1'")
                .hasMessageContaining("'lb-to-n1'")
                .hasMessageContaining("[409] proxy already exists");
    }

    @Test
    void deleteLinksDeletesOnlyTheProxiesThisInstanceCreated() throws Exception {
        Link mine = faults.createLink("lb", "n1", echo.address());
        observer.createProxy("someone-else", "127.0.0.1:0", echo.hostPort());

        faults.deleteLinks();
        faults.deleteLinks();

        assertThat(observer.getProxyOrNull(mine.proxyName())).isNull();
        assertThat(observer.getProxyOrNull("someone-else")).isNotNull();
    }
}
