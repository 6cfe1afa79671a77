package dev.faultline.faults.network;

/**
 * An active fault. {@link #heal()} removes exactly this fault, is idempotent and safe to call from
 * any thread, a shutdown hook or a try-with-resources block.
 */
public interface FaultHandle extends AutoCloseable {

    void heal();

    @Override
    default void close() {
        heal();
    }
}
