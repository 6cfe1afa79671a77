package dev.faultline.cluster.balancer;

import dev.faultline.cluster.http.ConfigNames;
import java.net.InetSocketAddress;

/**
 * One server the balancer forwards to.
 *
 * @param name    e.g. {@code n1}; sent back in the {@code X-Backend} header and named in error bodies
 * @param address where it listens
 */
public record Backend(String name, InetSocketAddress address) {
    public Backend {
        ConfigNames.requireName("name", name);
        if (address == null) {
            throw new IllegalArgumentException("backend '" + name + "' needs an 'address'");
        }
        if (address.isUnresolved()) {
            // as read back from JSON ("127.0.0.1:9001"): resolve once here rather than on every connect
            address = new InetSocketAddress(address.getHostString(), address.getPort());
        }
    }

    /** How errors name this backend: {@code backend n1 (127.0.0.1:4567)}. */
    public String describe() {
        return "backend " + name + " (" + address.getHostString() + ":" + address.getPort() + ")";
    }
}
