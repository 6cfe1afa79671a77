package dev.faultline.targets.testapp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A user's service for the target tests, using only {@code java.base} and {@code jdk.httpserver} so it also runs in
 * the slim JRE image: {@code java -cp CLASSES dev.faultline.targets.testapp.HelloServer PORT [BIND]}. {@code /hello}
 * answers {@code hello from $APP_NAME}, {@code /health} answers 200; it prints {@code listening on PORT} to stdout.
 */
public final class HelloServer {
    private HelloServer() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        String bind = args.length > 1 ? args[1] : "127.0.0.1";
        String name = System.getenv().getOrDefault("APP_NAME", "nobody");
        HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 64);
        server.createContext("/hello", exchange -> answer(exchange, 200, "hello from " + name));
        server.createContext("/health", exchange -> answer(exchange, 200, "ok"));
        server.start();
        System.out.println("listening on " + port);
        System.err.println("log line from " + name);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Connection", "close");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
