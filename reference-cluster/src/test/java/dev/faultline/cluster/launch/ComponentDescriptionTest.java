package dev.faultline.cluster.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.cluster.balancer.Backend;
import dev.faultline.cluster.balancer.BalancerConfig;
import dev.faultline.cluster.store.StoreNodeConfig;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComponentDescriptionTest {

    @Test
    void aStoreDescriptionSurvivesJson() {
        ComponentDescription store = new ComponentDescription(ComponentKind.STORE, new StoreNodeConfig("n1", "127.0.0.1", 0));
        ComponentDescription read = ComponentDescription.fromJson(store.toJson());
        assertThat(read).isEqualTo(store);
        assertThat(read.name()).isEqualTo("n1");
    }

    @Test
    void aBalancerDescriptionKeepsItsBackendsAndTimeout() {
        BalancerConfig config = new BalancerConfig("lb", "127.0.0.1", 0,
                List.of(new Backend("n1", new InetSocketAddress("127.0.0.1", 4567))), Duration.ofMillis(1500));
        ComponentDescription read = ComponentDescription.fromJson(
                new ComponentDescription(ComponentKind.BALANCER, config).toJson());
        assertThat(read.config()).isEqualTo(config);
    }

    @Test
    void withPortChangesOnlyThePort() {
        ComponentDescription store = new ComponentDescription(ComponentKind.STORE, new StoreNodeConfig("n2", "127.0.0.1", 0));
        ComponentDescription moved = store.withPort(41_234);
        assertThat(moved.port()).isEqualTo(41_234);
        assertThat(moved.config()).isEqualTo(new StoreNodeConfig("n2", "127.0.0.1", 41_234));
    }

    @Test
    void anUnknownKindListsTheKnownOnes() {
        assertThatThrownBy(() -> ComponentDescription.fromJson("{\"kind\": \"cache\", \"config\": {}}"))
                .hasMessage("unknown component kind 'cache' (known: store, balancer)");
    }

    @Test
    void aBadConfigSaysWhichFieldIsWrong() {
        assertThatThrownBy(() -> ComponentDescription.fromJson(
                "{\"kind\": \"store\", \"config\": {\"name\": \"n1\", \"host\": \"127.0.0.1\", \"port\": 70000}}"))
                .hasMessageContaining("bad store config")
                .hasMessageContaining("'port' must be between 0 and 65535");
    }

    @Test
    void aConfigOfTheWrongTypeIsRefused() {
        assertThatThrownBy(() -> new ComponentDescription(ComponentKind.BALANCER, new StoreNodeConfig("n1", "127.0.0.1", 0)))
                .hasMessage("a balancer component needs a 'config' of type BalancerConfig, not StoreNodeConfig");
    }
}
