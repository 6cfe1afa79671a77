package dev.faultline.faults.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ToxicTypesTest {

    @Test
    void unknownToxicTypeIsRejectedListingKnownTypes() {
        assertThatThrownBy(() -> ToxicTypes.of("slow"))
                .isInstanceOf(ApiException.class)
                .hasMessage("invalid toxic type: 'slow' (known: bandwidth, latency, limit_data, noop, reset_peer, slicer, "
                        + "slow_close, timeout)");
    }

    @Test
    void eachTypeDeclaresEveryAttributeTheJavaClientReads() {
        assertThat(ToxicTypes.of("latency").attributes()).containsExactly("latency", "jitter");
        assertThat(ToxicTypes.of("bandwidth").attributes()).containsExactly("rate");
        assertThat(ToxicTypes.of("timeout").attributes()).containsExactly("timeout");
        assertThat(ToxicTypes.of("reset_peer").attributes()).containsExactly("timeout");
    }

    @Test
    void anUpdateMergesOnlyKnownAttributesAndKeepsTheRest() {
        ToxicSpec spec = new ToxicSpec("slow", "latency", "upstream", 1f, Map.of("latency", 5L, "jitter", 2L));

        ToxicSpec merged = spec.merged(Map.of("latency", 9L, "bogus", 1L), null);

        assertThat(merged.attributes()).containsOnly(Map.entry("latency", 9L), Map.entry("jitter", 2L));
        assertThat(merged.toxicity()).isEqualTo(1f);
    }

    @Test
    void streamIsParsedWithoutRegardToCase() {
        assertThat(Direction.parse("UpStream")).isEqualTo(Direction.UPSTREAM);
        assertThatThrownBy(() -> Direction.parse("both")).hasMessageContaining("upstream or downstream");
    }

    @Test
    void hostPortParsesIpv6AndRejectsAMissingPort() {
        assertThat(HostPort.parse("[::1]:80")).isEqualTo(new HostPort("::1", 80));
        assertThat(HostPort.parse("localhost:0")).isEqualTo(new HostPort("localhost", 0));
        assertThatThrownBy(() -> HostPort.parse("localhost")).hasMessageContaining("missing port");
    }
}
