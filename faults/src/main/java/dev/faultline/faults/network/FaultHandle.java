package dev.faultline.faults.network;

/**
 * An active fault. {@link #heal()} removes exactly this fault, is idempotent and safe to call from
 * any thread, a shutdown hook or a try-with-resources block.
 */
public interface FaultHandle extends AutoCloseable {

    void heal();

    /** One fault made of several: healing it heals every part, even when one fails, then throws the first failure. */
    static FaultHandle allOf(java.util.List<FaultHandle> parts) {
        return new CompositeFaultHandle(parts);
    }

    @Override
    default void close() {
        heal();
    }
}
