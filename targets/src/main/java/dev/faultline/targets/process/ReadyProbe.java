package dev.faultline.targets.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * How a started service shows it is ready: an HTTP {@code GET} of a URL that answers 2xx, or, without a URL, a TCP
 * port that accepts connections. One {@link #check()} is one attempt, bounded by {@link #ATTEMPT_TIMEOUT}.
 */
public final class ReadyProbe {
    /** The longest one attempt may take. */
    public static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(1);

    private final URI url;
    private final InetSocketAddress address;
    private final HttpClient client;
    private String lastFailure = "not checked yet";

    private ReadyProbe(URI url, InetSocketAddress address) {
        this.url = url;
        this.address = address;
        this.client = url == null ? null
                : HttpClient.newBuilder().connectTimeout(ATTEMPT_TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Ready when {@code GET url} answers 2xx. */
    public static ReadyProbe http(URI url) {
        return new ReadyProbe(Objects.requireNonNull(url, "url"), null);
    }

    /** Ready when {@code address} accepts a TCP connection. */
    public static ReadyProbe tcp(InetSocketAddress address) {
        return new ReadyProbe(null, Objects.requireNonNull(address, "address"));
    }

    /** One attempt: true when ready; otherwise {@link #lastFailure()} says what was seen. */
    public boolean check() {
        return url != null ? checkHttp() : checkTcp();
    }

    /** What the last failed attempt saw, e.g. {@code GET http://127.0.0.1:8080/health answered 503}. */
    public String lastFailure() {
        return lastFailure;
    }

    /** What is probed, for messages: the URL or {@code tcp://host:port}. */
    public String describe() {
        return url != null ? "GET " + url : "a TCP connection to " + address.getHostString() + ":" + address.getPort();
    }

    private boolean checkHttp() {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(ATTEMPT_TIMEOUT).GET().build();
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                return true;
            }
            lastFailure = "GET " + url + " answered " + status;
        } catch (IOException e) {
            lastFailure = "GET " + url + " failed: " + describe(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lastFailure = "interrupted";
        }
        return false;
    }

    private boolean checkTcp() {
        try (Socket socket = new Socket()) {
            socket.connect(address, (int) ATTEMPT_TIMEOUT.toMillis());
            return true;
        } catch (IOException e) {
            lastFailure = "connecting to " + address.getHostString() + ":" + address.getPort() + " failed: " + describe(e);
            return false;
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
