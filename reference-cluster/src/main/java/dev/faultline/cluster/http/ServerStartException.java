package dev.faultline.cluster.http;

/** A server of the reference cluster could not start listening; the message names the server, host:port and the cause. */
public final class ServerStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
