package dev.faultline.cluster.balancer;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.regex.Pattern;

/**
 * What tells one client from another, for hashing and rate limiting: {@code header:NAME}, {@code cookie:NAME}
 * or {@code ip}. A request without the header or cookie is keyed by its client address.
 */
record ClientKey(Kind kind, String name) {
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    enum Kind { HEADER, COOKIE, IP }

    static final ClientKey IP = new ClientKey(Kind.IP, null);

    /** Parses {@code header:NAME}, {@code cookie:NAME} or {@code ip}. */
    static ClientKey parse(String text) {
        if ("ip".equals(text)) {
            return IP;
        }
        int colon = text == null ? -1 : text.indexOf(':');
        String prefix = colon < 0 ? "" : text.substring(0, colon);
        String name = colon < 0 ? "" : text.substring(colon + 1);
        if ((prefix.equals("header") || prefix.equals("cookie")) && TOKEN.matcher(name).matches()) {
            return new ClientKey(prefix.equals("header") ? Kind.HEADER : Kind.COOKIE, name);
        }
        throw new IllegalArgumentException("a client key must be 'header:NAME', 'cookie:NAME' or 'ip', but is "
                + (text == null ? "null" : "'" + text + "'"));
    }

    /** The key of one request from {@code client}. */
    String of(HttpRequest request, SocketAddress client) {
        String value = switch (kind) {
            case HEADER -> request.headers().get(name);
            case COOKIE -> cookie(request);
            case IP -> null;
        };
        return value != null ? value : address(client);
    }

    /** The client's IP address as text, e.g. {@code 127.0.0.2}. */
    static String address(SocketAddress client) {
        if (client instanceof InetSocketAddress inet) {
            return inet.getAddress() == null ? inet.getHostString() : inet.getAddress().getHostAddress();
        }
        return String.valueOf(client);
    }

    private String cookie(HttpRequest request) {
        String header = request.headers().get(HttpHeaderNames.COOKIE);
        if (header == null) {
            return null;
        }
        for (Cookie cookie : ServerCookieDecoder.LAX.decodeAll(header)) {
            if (cookie.name().equals(name)) {
                return cookie.value();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return kind == Kind.IP ? "ip" : kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + name;
    }
}
