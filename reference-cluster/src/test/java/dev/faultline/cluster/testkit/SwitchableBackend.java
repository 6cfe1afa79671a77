package dev.faultline.cluster.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A backend on the JDK's HTTP server that a test can make fail (every request but {@code /health} answers 500)
 * or make fail its health checks ({@code GET /health} answers 503), and recover. Every answer carries
 * {@code X-Node: <name>}; it counts the requests it served (health checks apart).
 */
public final class SwitchableBackend implements AutoCloseable {
    private final String name;
    private final HttpServer server;
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicBoolean healthy = new AtomicBoolean(true);
    private final AtomicInteger requests = new AtomicInteger();

    private SwitchableBackend(String name, HttpServer server) {
        this.name = name;
        this.server = server;
    }

    public static SwitchableBackend start(String name) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "backend-" + name);
            thread.setDaemon(true);
            return thread;
        }));
        SwitchableBackend backend = new SwitchableBackend(name, server);
        server.createContext("/", backend::answer);
        server.start();
        return backend;
    }

    public String name() {
        return name;
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    public void failing(boolean fail) {
        failing.set(fail);
    }

    public void healthy(boolean pass) {
        healthy.set(pass);
    }

    public int requests() {
        return requests.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        int status;
        String body;
        if (exchange.getRequestURI().getPath().equals("/health")) {
            status = healthy.get() ? 200 : 503;
            body = healthy.get() ? "ok" : "unhealthy";
        } else {
            requests.incrementAndGet();
            status = failing.get() ? 500 : 200;
            body = failing.get() ? "failing on purpose" : "hello from " + name;
        }
        byte[] bytes = body.getBytes(UTF_8);
        exchange.getResponseHeaders().set("X-Node", name);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
