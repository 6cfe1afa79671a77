package dev.faultline.cluster.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoreNodeConfigTest {
    private static final List<Peer> TWO_PEERS = List.of(new Peer("n2", "127.0.0.1", 7002), new Peer("n3", "127.0.0.1", 7003));

    @Test
    void portZeroMeansPickAFreePort() {
        assertThat(new StoreNodeConfig("n1", "127.0.0.1", 0).port()).isZero();
    }

    @Test
    void portOutOfRangeIsRejectedNamingTheField() {
        assertThatThrownBy(() -> new StoreNodeConfig("n1", "127.0.0.1", 70_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'port'")
                .hasMessageContaining("70000");
    }

    @Test
    void nameThatCannotGoIntoAHeaderIsRejected() {
        assertThatThrownBy(() -> new StoreNodeConfig("n1\r\nX-Evil: 1", "127.0.0.1", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'name'");
    }

    @Test
    void blankHostIsRejected() {
        assertThatThrownBy(() -> new StoreNodeConfig("n1", " ", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'host'");
    }

    @Test
    void defaultsAreALoneEventualLwwNodeInMemory() {
        StoreNodeConfig config = StoreNodeConfig.local("n1");

        assertThat(config.replication()).isEqualTo(1);
        assertThat(config.consistency()).isEqualTo(Consistency.EVENTUAL);
        assertThat(config.conflicts()).isEqualTo(Conflicts.LWW);
        assertThat(config.durability()).isEqualTo(Durability.NONE);
        assertThat(config.antiEntropyPeriod()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.virtualNodes()).isEqualTo(64);
    }

    @Test
    void quorumsDefaultToAMajorityOfTheReplicas() {
        StoreNodeConfig quorum = new StoreNodeConfig("n1", "127.0.0.1", 0, TWO_PEERS, 3, Consistency.QUORUM,
                null, null, null, null, null, null, null, null);

        assertThat(quorum.effectiveWriteQuorum()).isEqualTo(2);
        assertThat(quorum.effectiveReadQuorum()).isEqualTo(2);
        assertThat(quorum.nodeNames()).containsExactly("n1", "n2", "n3");
    }

    @Test
    void replicationBeyondTheNodeCountIsRejected() {
        assertThatThrownBy(() -> new StoreNodeConfig("n1", "127.0.0.1", 0, TWO_PEERS, 4, null, null, null, null, null,
                null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'replication'").hasMessageContaining("3");
    }

    @Test
    void quorumLargerThanReplicationIsRejected() {
        assertThatThrownBy(() -> new StoreNodeConfig("n1", "127.0.0.1", 0, TWO_PEERS, 2, Consistency.QUORUM, 3, null,
                null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'writeQuorum'");
    }

    @Test
    void aLoggedDurabilityNeedsADataDirectory() {
        assertThatThrownBy(() -> new StoreNodeConfig("n1", "127.0.0.1", 0, List.of(), null, null, null, null, null,
                Durability.FSYNC, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'dataDir'").hasMessageContaining("fsync");
    }

    @Test
    void aPeerNamedLikeThisNodeIsRejected() {
        assertThatThrownBy(() -> new StoreNodeConfig("n1", "127.0.0.1", 0, List.of(new Peer("n1", "127.0.0.1", 1)),
                null, null, null, null, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'peers'").hasMessageContaining("itself");
    }

    @Test
    void configRoundTripsThroughJsonInPlanSpelling() {
        StoreNodeConfig config = new StoreNodeConfig("n1", "127.0.0.1", 7001, TWO_PEERS, 3, Consistency.QUORUM, 2, 1,
                Conflicts.VERSION_VECTORS, Durability.ASYNC, "/tmp/n1", Duration.ofMillis(250), Duration.ofMillis(800), 32);

        String json = config.toJson();

        assertThat(json).contains("\"conflicts\":\"version-vectors\"").contains("\"requestTimeout\":\"PT0.8S\"");
        assertThat(StoreNodeConfig.fromJson(json)).isEqualTo(config);
    }

    @Test
    void seededDefectsTravelThroughJsonToANodeProcess() {
        StoreNodeConfig config = new StoreNodeConfig("n1", "127.0.0.1", 7001, TWO_PEERS, 3, null, null, null, null, null,
                null, Duration.ZERO, null, null, false);

        String json = config.toJson();

        assertThat(json).contains("\"antiEntropyPeriod\":\"PT0S\"").contains("\"hintedHandoff\":false");
        StoreNodeConfig read = StoreNodeConfig.fromJson(json);
        assertThat(read.antiEntropy()).isFalse();
        assertThat(read.hintedHandoff()).isFalse();
    }

    @Test
    void antiEntropyAndHintedHandoffAreOnByDefault() {
        StoreNodeConfig config = StoreNodeConfig.local("n1");

        assertThat(config.antiEntropy()).isTrue();
        assertThat(config.hintedHandoff()).isTrue();
    }

    @Test
    void aNegativeAntiEntropyPeriodIsRejected() {
        assertThatThrownBy(() -> new StoreNodeConfig("n1", "127.0.0.1", 0, List.of(), null, null, null, null, null, null,
                null, Duration.ofSeconds(-1), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'antiEntropyPeriod'")
                .hasMessageContaining("zero: no anti-entropy");
    }

    @Test
    void jsonWithOnlyTheRequiredFieldsTakesTheDefaults() {
        assertThat(StoreNodeConfig.fromJson("{\"name\":\"n1\",\"host\":\"127.0.0.1\",\"port\":0}"))
                .isEqualTo(StoreNodeConfig.local("n1"));
    }

    @Test
    void invalidJsonConfigNamesTheProblem() {
        assertThatThrownBy(() -> StoreNodeConfig.fromJson("{\"name\":\"n1\",\"host\":\"h\",\"port\":0,\"conflicts\":\"crdt\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'conflicts'").hasMessageContaining("crdt");
        assertThatThrownBy(() -> StoreNodeConfig.fromJson("{\"name\":\"n1\",\"host\":\"h\",\"port\":0,\"colour\":1}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("colour");
    }
}
