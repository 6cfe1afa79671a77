package dev.faultline.faults.network;

import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;

/** A link whose proxy is disabled (connections refused, live ones closed); heal enables it again. */
final class DisabledLinkHandle implements FaultHandle {

    private final ToxiproxyClient client;
    private final Link link;
    private boolean healed;

    DisabledLinkHandle(ToxiproxyClient client, Link link) {
        this.client = client;
        this.link = link;
    }

    @Override
    public synchronized void heal() {
        if (healed) {
            return;
        }
        try {
            client.getProxy(link.proxyName()).enable();
        } catch (IOException e) {
            if (!ProxyNames.isNotFound(e)) {
                throw FaultProxyException.of("enabling the proxy again", link.name(), link.proxyName(), e);
            }
        }
        healed = true;
    }

    @Override
    public String toString() {
        return "disabled proxy of " + link.name();
    }
}
