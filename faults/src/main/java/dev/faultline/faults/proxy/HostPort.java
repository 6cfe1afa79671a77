package dev.faultline.faults.proxy;

import java.net.InetSocketAddress;

/** A {@code host:port} string as Toxiproxy writes it ({@code [::1]:80} for IPv6 literals). */
record HostPort(String host, int port) {

    /** Parses {@code host:port}; an empty host means every interface, an empty string every interface and port 0. */
    static HostPort parse(String text) {
        if (text == null || text.isEmpty()) {
            return new HostPort("", 0);
        }
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("address " + text + ": missing port in address");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("address " + text + ": invalid port");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("address " + text + ": invalid port");
        }
        return new HostPort(host, port);
    }

    static String format(InetSocketAddress address) {
        String host = address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** An unresolved address to bind or dial; Netty resolves it when it is used. */
    InetSocketAddress toAddress() {
        return host.isEmpty() ? new InetSocketAddress(port) : InetSocketAddress.createUnresolved(host, port);
    }
}
