package dev.faultline.cluster.store;

import dev.faultline.cluster.store.version.Version;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * The bytes the state digest hashes for one key: what a read shows, in an order that does not depend on how the
 * state was reached: each visible value as {@code [length][bytes]}, values sorted. Causal metadata (timestamps,
 * vectors) and tombstones are left out, so replicas that show the same values report the same digest.
 */
final class VisibleState {
    private VisibleState() {
    }

    static byte[] encode(List<Version> visible) {
        byte[][] values = visible.stream().map(Version::value).toArray(byte[][]::new);
        Arrays.sort(values, Arrays::compare);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] value : values) {
            out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(value.length).array());
            out.writeBytes(value);
        }
        return out.toByteArray();
    }
}
