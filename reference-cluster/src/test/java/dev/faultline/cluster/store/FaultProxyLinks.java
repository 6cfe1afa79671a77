package dev.faultline.cluster.store;

import dev.faultline.faults.proxy.FaultProxyServer;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * Links through Faultline's fault proxy (the product's node-to-node path: Netty event loops, no toxics), driven
 * through its Toxiproxy API: a cut disables the proxy, which closes its listener and every connection.
 */
final class FaultProxyLinks implements NodeLinks {
    /** Where a link relays before its target is known: nothing listens there, so connections close at once. */
    private static final String NOWHERE = "127.0.0.1:1";

    private final FaultProxyServer server = FaultProxyServer.start("127.0.0.1", 0);
    private final ToxiproxyClient api = new ToxiproxyClient(server.apiHost(), server.apiPort());
    private final Map<String, Proxy> proxies = new HashMap<>();

    @Override
    public int open(String name) throws IOException {
        Proxy proxy = api.createProxy(proxyName(name), "127.0.0.1:0", NOWHERE);
        proxies.put(name, proxy);
        String listen = proxy.getListen();
        return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
    }

    /** A new upstream makes the proxy listen again on its port, see {@link #restore}. */
    @Override
    public void target(String name, InetSocketAddress target) throws IOException {
        try {
            proxies.get(name).setUpstream(target.getHostString() + ":" + target.getPort());
        } catch (IOException listenAgainFailed) {
            restore(name);
        }
    }

    @Override
    public void cut(String name) throws IOException {
        proxies.get(name).disable();
    }

    /**
     * Listens again on the link's port. A port just closed on a NIO event loop may stay bound until the loop's next
     * select, so a refused listen is tried again (for up to a second).
     */
    @Override
    public void restore(String name) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                proxies.get(name).enable();
                return;
            } catch (IOException refused) {
                if (attempt == 50) {
                    throw refused;
                }
                sleep();
            }
        }
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while a link listened again", e);
        }
    }

    /** Proxy names travel in API paths: "n1->n2" becomes "n1-to-n2". */
    private static String proxyName(String link) {
        return link.replace("->", "-to-");
    }

    @Override
    public void close() {
        server.close();
    }
}
