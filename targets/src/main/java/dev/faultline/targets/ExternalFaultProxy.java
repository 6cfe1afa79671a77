package dev.faultline.targets;

import dev.faultline.faults.network.LinkFaults;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The fault layer over a Toxiproxy-compatible server that outlives the run. Its proxies are named after this run
 * ({@code fl-<6 hex>-lb-to-n1}) so runs sharing the server don't collide, and, where the server has Faultline's lease
 * extension, leased: if this JVM dies without healing, the server heals the proxies itself within {@link #LEASE_TTL}.
 */
final class ExternalFaultProxy {
    /** How long faults outlive a controller that died without healing them. */
    static final Duration LEASE_TTL = Duration.ofSeconds(5);

    private ExternalFaultProxy() {
    }

    static LinkFaults linkFaults(URI api) {
        String prefix = String.format("fl-%06x-", ThreadLocalRandom.current().nextInt(1 << 24));
        return new LinkFaults(api.getHost(), api.getPort(), prefix, LEASE_TTL);
    }
}
