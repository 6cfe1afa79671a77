package dev.faultline.fault;

import dev.faultline.targets.Component;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Whether a component answers: a store node's {@code GET /health} answers 200; any other component accepts a TCP
 * connection on its own address.
 */
final class ComponentHealth {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);
    private static final long POLL_MS = 50;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();

    private ComponentHealth() {
    }

    /** Returns once {@code component} answers; throws naming it if it does not within {@code within}. */
    static void await(Component component, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        String last = "no answer";
        while (true) {
            try {
                probe(component);
                return;
            } catch (IOException | IllegalStateException e) {
                last = e.toString();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(component.name() + " did not answer its health check within "
                        + within.toSeconds() + " s after its restart: " + last);
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + component.name() + " to answer", e);
            }
        }
    }

    private static void probe(Component component) throws IOException {
        if (component.kind() == Component.Kind.STORE) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(component.url() + "/health"))
                    .timeout(PROBE_TIMEOUT).GET().build();
            try {
                int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 200) {
                    throw new IllegalStateException("GET /health answered " + status);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            return;
        }
        try (Socket socket = new Socket()) {
            InetSocketAddress address = component.address();
            socket.connect(address, (int) PROBE_TIMEOUT.toMillis());
        }
    }
}
