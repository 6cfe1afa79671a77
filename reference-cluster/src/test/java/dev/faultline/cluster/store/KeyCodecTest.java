package dev.faultline.cluster.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyCodecTest {

    @Test
    void percentEscapesAreDecodedAsUtf8() {
        assertThat(KeyCodec.decode("a%2Fb%20c%C3%A9")).isEqualTo("a/b cé");
    }

    @Test
    void plusStaysPlusInAPathSegment() {
        assertThat(KeyCodec.decode("a+b")).isEqualTo("a+b");
    }

    @Test
    void malformedEscapeIsRejected() {
        assertThatThrownBy(() -> KeyCodec.decode("a%zz")).isInstanceOf(IllegalArgumentException.class);
    }
}
