package dev.faultline.cluster.store.version;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionCodecTest {
    private final List<Version> versions = List.of(
            new Version("v".getBytes(UTF_8), false, 42, "n1", VersionVector.of(Map.of("n1", 3L, "n2", 1L))),
            new Version(new byte[0], true, 43, "n2", VersionVector.EMPTY));

    @Test
    void anEntryRoundTrips() throws IOException {
        VersionCodec.Entry decoded = VersionCodec.decode(VersionCodec.encode("kéy", versions));

        assertThat(decoded.key()).isEqualTo("kéy");
        assertThat(decoded.versions()).isEqualTo(versions);
    }

    @Test
    void aTruncatedEncodingIsRejected() {
        byte[] encoded = VersionCodec.encode("k", versions);

        assertThatThrownBy(() -> VersionCodec.decode(Arrays.copyOf(encoded, encoded.length - 3)))
                .isInstanceOf(IOException.class);
    }
}
