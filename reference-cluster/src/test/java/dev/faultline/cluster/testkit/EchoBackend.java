package dev.faultline.cluster.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A backend built on the JDK's HTTP server that describes the request it received: the body is echoed, and
 * headers tell the method, the path and query, the request's header names and the client port (which tells
 * one connection from another). Path {@code /close} answers with {@code Connection: close}; path {@code /slow}
 * answers after {@link #SLOW}.
 */
public final class EchoBackend implements AutoCloseable {
    public static final java.time.Duration SLOW = java.time.Duration.ofMillis(300);
    private final HttpServer server;

    private EchoBackend(HttpServer server) {
        this.server = server;
    }

    public static EchoBackend start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", EchoBackend::echo);
        server.start();
        return new EchoBackend(server);
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    private static void echo(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Set<String> names = new TreeSet<>();
        exchange.getRequestHeaders().keySet().forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
        var headers = exchange.getResponseHeaders();
        headers.set("X-Echo-Method", exchange.getRequestMethod());
        headers.set("X-Echo-Uri", exchange.getRequestURI().toString());
        headers.set("X-Echo-Header-Names", String.join(",", names));
        headers.set("X-Echo-Client-Port", String.valueOf(exchange.getRemoteAddress().getPort()));
        String custom = exchange.getRequestHeaders().getFirst("X-Custom");
        if (custom != null) {
            headers.set("X-Echo-Custom", custom);
        }
        if (exchange.getRequestURI().getPath().equals("/slow")) {
            try {
                Thread.sleep(SLOW.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (exchange.getRequestURI().getPath().equals("/close")) {
            headers.set("Connection", "close");
        }
        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
