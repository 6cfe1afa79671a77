package dev.faultline.cluster.store;

import dev.faultline.cluster.testkit.TcpRelay;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/** Links through the test-only blocking {@link TcpRelay}: two threads per connection, one per direction. */
final class RelayLinks implements NodeLinks {
    private final Map<String, TcpRelay> relays = new LinkedHashMap<>();

    @Override
    public int open(String name) throws IOException {
        TcpRelay relay = new TcpRelay();
        relays.put(name, relay);
        return relay.port();
    }

    @Override
    public void target(String name, InetSocketAddress target) {
        relays.get(name).target(target);
    }

    @Override
    public void cut(String name) {
        relays.get(name).cut();
    }

    @Override
    public void restore(String name) {
        relays.get(name).restore();
    }

    @Override
    public void close() throws IOException {
        for (TcpRelay relay : relays.values()) {
            relay.close();
        }
    }
}
