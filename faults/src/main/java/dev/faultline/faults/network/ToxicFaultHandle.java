package dev.faultline.faults.network;

import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;

/** Heals one toxic by name; a toxic or proxy that is already gone counts as healed. */
final class ToxicFaultHandle implements FaultHandle {

    private final ToxiproxyClient client;
    private final Link link;
    private final String toxicName;
    private boolean healed;

    ToxicFaultHandle(ToxiproxyClient client, Link link, String toxicName) {
        this.client = client;
        this.link = link;
        this.toxicName = toxicName;
    }

    String toxicName() {
        return toxicName;
    }

    @Override
    public synchronized void heal() {
        if (healed) {
            return;
        }
        try {
            client.getProxy(link.proxyName()).toxics().get(toxicName).remove();
        } catch (IOException e) {
            if (!ProxyNames.isNotFound(e)) {
                throw FaultProxyException.of("healing toxic '" + toxicName + "'", link.name(), link.proxyName(), e);
            }
        }
        healed = true;
    }

    @Override
    public String toString() {
        return "toxic '" + toxicName + "' on " + link.name();
    }
}
