package dev.faultline.junit;

/**
 * A fault in place: closing it heals it (a crashed component is restarted and answers again before
 * {@link #close()} returns). Healing twice does nothing. Use it with try-with-resources so the fault lasts exactly the
 * block; whatever is not healed when the test ends is healed by the extension.
 */
public interface ActiveFault extends AutoCloseable {

    /** The fault's name: the window its requests fall in ({@code availabilityDuring(name)}). */
    String name();

    /** Whether the fault is still in place. */
    boolean active();

    /** Heals the fault. */
    @Override
    void close();
}
