package dev.faultline.targets;

import dev.faultline.faults.network.HealCheck;
import dev.faultline.faults.network.Link;
import dev.faultline.faults.network.LinkFaults;
import java.net.URI;
import java.util.Map;

/**
 * A running system under test, as a plan sees it: the address its load goes to, the links that faults can act on,
 * and the fault layer that acts on them. Closing it stops everything the target started; it is idempotent, so
 * try-with-resources, a shutdown hook and a JUnit store can all close it.
 */
public interface Target extends AutoCloseable {

    /** What the target is, in a few words, for the console and the report. */
    String description();

    /** The base address the load generator sends requests to, e.g. {@code http://127.0.0.1:41234}. */
    URI serviceUri();

    /** Every link through the fault proxy, by name ({@code client->lb}, {@code lb->n1}, ...). */
    Map<String, Link> links();

    /**
     * Every component by name ({@code lb}, {@code n1}, ..., {@code fault-proxy}), each with its own address and, when
     * it is its own process, the control that crash, pause and restart faults use.
     */
    Map<String, Component> components();

    /** The fault layer that cuts, slows and heals {@link #links()}. */
    LinkFaults linkFaults();

    /**
     * After a run: whether the target is back to normal — its links (no toxic, none disabled) and its components
     * (running, not paused, clocks not skewed) — and what is left if not.
     */
    default HealCheck verifyHealed() {
        return ComponentsHealed.withLinks(linkFaults().verifyHealed(), components().values(), java.util.List.of());
    }

    @Override
    void close();
}
