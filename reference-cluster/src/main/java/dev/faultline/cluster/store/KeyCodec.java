package dev.faultline.cluster.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URLDecoder;

/** Turns the raw {@code {key}} path segment of {@code /kv/{key}} into the key. */
final class KeyCodec {
    private KeyCodec() {
    }

    /**
     * Percent-decodes a path segment as UTF-8. Unlike form decoding, '+' stays '+'.
     *
     * @throws IllegalArgumentException if an escape is malformed
     */
    static String decode(String rawSegment) {
        return URLDecoder.decode(rawSegment.replace("+", "%2B"), UTF_8);
    }
}
