package dev.faultline.faults.network;

import dev.faultline.faults.proxy.EchoServer;
import dev.faultline.faults.proxy.FaultProxyServer;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the link-fault ITs share: a fault proxy on 127.0.0.1, an echo server to be its upstream, the fault layer under
 * test, and a separate toxiproxy-java client that observes the proxy. Everything is stopped after each test.
 */
abstract class FaultProxyFixture {
    protected FaultProxyServer server;
    protected EchoServer echo;
    protected LinkFaults faults;
    protected ToxiproxyClient observer;

    @BeforeEach
    void startProxyAndEcho() throws Exception {
        server = FaultProxyServer.start("127.0.0.1", 0);
        echo = new EchoServer();
        faults = new LinkFaults(server.apiHost(), server.apiPort());
        observer = new ToxiproxyClient(server.apiHost(), server.apiPort());
    }

    @AfterEach
    void stopProxyAndEcho() throws Exception {
        faults.deleteLinks();
        server.close();
        echo.close();
    }
}
