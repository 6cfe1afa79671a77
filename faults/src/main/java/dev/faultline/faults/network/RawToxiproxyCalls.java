package dev.faultline.faults.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The few calls toxiproxy-java 2.1.11 cannot make, sent as plain HTTP: creating a proxy disabled (standard Toxiproxy
 * API, {@code "enabled": false}) and Faultline's lease extension ({@code /proxies/{name}/lease}), which a real
 * Toxiproxy answers with 404.
 */
final class RawToxiproxyCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    RawToxiproxyCalls(String apiHost, int apiPort) {
        String host = apiHost.contains(":") ? "[" + apiHost + "]" : apiHost;
        this.base = "http://" + host + ":" + apiPort;
    }

    /** Creates a proxy that does not listen yet, so nothing can connect before its toxics are in. */
    void createDisabled(String proxyName, String listen, String upstream) throws IOException {
        String body = "{\"name\":" + quote(proxyName) + ",\"listen\":" + quote(listen) + ",\"upstream\":"
                + quote(upstream) + ",\"enabled\":false}";
        expect(send("POST", "/proxies", body), 201);
    }

    /** Takes or renews the lease on a proxy; false when the server has no lease extension (a real Toxiproxy). */
    boolean renewLease(String proxyName, Duration ttl) throws IOException {
        HttpResponse<String> answer = send("POST", "/proxies/" + proxyName + "/lease",
                "{\"ttl_ms\":" + ttl.toMillis() + "}");
        if (answer.statusCode() == 404 && !answer.body().contains("proxy not found")) {
            return false;
        }
        expect(answer, 200);
        return true;
    }

    void releaseLease(String proxyName) throws IOException {
        HttpResponse<String> answer = send("DELETE", "/proxies/" + proxyName + "/lease", null);
        if (answer.statusCode() != 404) {
            expect(answer, 204);
        }
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling " + method + " " + path, e);
        }
    }

    /** Throws in toxiproxy-java's form, {@code [status] body}, so {@link ProxyNames#isNotFound} reads it too. */
    private static void expect(HttpResponse<String> answer, int status) throws IOException {
        if (answer.statusCode() != status) {
            throw new IOException("[" + answer.statusCode() + "] " + errorText(answer.body()));
        }
    }

    /** The {@code error} of a Toxiproxy error body, or the body itself when it is not one. */
    private static String errorText(String body) {
        try {
            JsonNode error = JSON.readTree(body).get("error");
            return error != null && error.isTextual() ? error.asText() : body.strip();
        } catch (IOException notJson) {
            return body.strip();
        }
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
