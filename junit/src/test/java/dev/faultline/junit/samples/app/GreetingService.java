package dev.faultline.junit.samples.app;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A user's own service for the extension's container test, on {@code java.base} and {@code jdk.httpserver} only so
 * the slim JRE image runs it: {@code java -cp CLASSES dev.faultline.junit.samples.app.GreetingService PORT}.
 * {@code GET /greeting} answers {@code hello}; {@code /health} answers 200.
 */
public final class GreetingService {
    private GreetingService() {
    }

    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("0.0.0.0", Integer.parseInt(args[0])), 128);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            byte[] body = (exchange.getRequestURI().getPath().equals("/health") ? "ok" : "hello")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("greeting service listening on " + args[0]);
    }
}
