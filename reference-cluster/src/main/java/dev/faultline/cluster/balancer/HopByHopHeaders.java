package dev.faultline.cluster.balancer;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;

/**
 * Headers that describe one connection rather than the message (RFC 9110 section 7.6.1), which a proxy must
 * not forward: the fixed list plus any header the {@code Connection} header names.
 */
final class HopByHopHeaders {
    private static final AsciiString[] FIXED = {
            HttpHeaderNames.CONNECTION,
            AsciiString.cached("keep-alive"),
            HttpHeaderNames.PROXY_AUTHENTICATE,
            HttpHeaderNames.PROXY_AUTHORIZATION,
            AsciiString.cached("proxy-connection"),
            HttpHeaderNames.TE,
            HttpHeaderNames.TRAILER,
            AsciiString.cached("trailers"),
            HttpHeaderNames.TRANSFER_ENCODING,
            HttpHeaderNames.UPGRADE};

    private HopByHopHeaders() {
    }

    /** Removes every hop-by-hop header from {@code headers}, in place. */
    static void strip(HttpHeaders headers) {
        if (headers.contains(HttpHeaderNames.CONNECTION)) {
            for (String connection : headers.getAll(HttpHeaderNames.CONNECTION)) {
                removeNamedIn(connection, headers);
            }
        }
        for (AsciiString name : FIXED) {
            headers.remove(name);
        }
    }

    /** Removes the headers a Connection value names ("close", "keep-alive, x-trace", ...). */
    private static void removeNamedIn(String connection, HttpHeaders headers) {
        if (connection.indexOf(',') < 0) {
            String name = connection.strip();
            if (!name.isEmpty()) {
                headers.remove(name);
            }
            return;
        }
        for (String token : connection.split(",")) {
            String name = token.strip();
            if (!name.isEmpty()) {
                headers.remove(name);
            }
        }
    }
}
