package dev.faultline.faults.network;

import java.net.InetSocketAddress;

/** Naming and address conventions between links and Toxiproxy proxies. */
final class ProxyNames {

    private ProxyNames() {
    }

    /** {@code lb->n1} becomes {@code lb-to-n1}; any other character unsafe in a URL path becomes '_'. */
    static String proxyName(String from, String to) {
        return (safe(from) + "-to-" + safe(to));
    }

    private static String safe(String part) {
        return part.replaceAll("[^A-Za-z0-9._~-]", "_");
    }

    static String hostPort(InetSocketAddress address) {
        String host = address.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    static InetSocketAddress parse(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        String host = hostPort.substring(0, colon).replace("[", "").replace("]", "");
        return new InetSocketAddress(host, Integer.parseInt(hostPort.substring(colon + 1)));
    }

    /** Whether a toxiproxy-java error says the thing is already gone. */
    static boolean isNotFound(Exception e) {
        return e.getMessage() != null && e.getMessage().startsWith("[404]");
    }
}
