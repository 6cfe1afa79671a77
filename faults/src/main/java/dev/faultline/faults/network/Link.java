package dev.faultline.faults.network;

import java.net.InetSocketAddress;

/**
 * A network link between two components that passes through a fault proxy.
 *
 * @param name      the link as plans name it, e.g. {@code lb->n1}
 * @param proxyName the URL-safe proxy name, e.g. {@code lb-to-n1}
 * @param listen    where clients of {@code to} should connect (the proxy's bound address)
 * @param upstream  the real address of {@code to}
 */
public record Link(String name, String proxyName, InetSocketAddress listen, InetSocketAddress upstream) {
}
