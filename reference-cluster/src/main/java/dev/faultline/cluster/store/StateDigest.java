package dev.faultline.cluster.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An order-independent hash of a whole key-value state: the sum, modulo 2^256, of the SHA-256 of each entry.
 * Two nodes holding the same entries report the same digest whatever order the writes arrived in.
 *
 * @param keys the number of entries
 * @param hex  64 hex digits; all zeros for an empty state
 */
record StateDigest(int keys, String hex) {
    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);

    static Builder builder() {
        return new Builder();
    }

    /** Accumulates entries in any order. Not thread-safe. */
    static final class Builder {
        private final MessageDigest sha256 = newSha256();
        private BigInteger sum = BigInteger.ZERO;
        private int keys;

        /** Adds one entry; the key's length is hashed too, so ("ab", "c") and ("a", "bc") differ. */
        Builder add(String key, byte[] value) {
            byte[] keyBytes = key.getBytes(UTF_8);
            sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(keyBytes.length).array());
            sha256.update(keyBytes);
            sha256.update(value);
            sum = sum.add(new BigInteger(1, sha256.digest())).mod(MODULUS);
            keys++;
            return this;
        }

        StateDigest build() {
            byte[] raw = sum.toByteArray();
            byte[] fixed = new byte[32];
            int length = Math.min(raw.length, 32);
            System.arraycopy(raw, raw.length - length, fixed, 32 - length, length);
            return new StateDigest(keys, HexFormat.of().formatHex(fixed));
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
