package dev.faultline.faults.network;

/** A fault proxy refused or failed a request; the message names the link and the proxy's own message. */
public final class FaultProxyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FaultProxyException(String message, Throwable cause) {
        super(message, cause);
    }

    static FaultProxyException of(String what, String linkName, String proxyName, Exception cause) {
        return new FaultProxyException(what + " on link '" + linkName + "' (proxy '" + proxyName + "') failed: "
                + cause.getMessage(), cause);
    }
}
