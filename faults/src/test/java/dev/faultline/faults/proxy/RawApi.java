package dev.faultline.faults.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Raw HTTP calls to the API for exact status and JSON checks; sends no Content-Type. */
final class RawApi {

    record Answer(int status, String body, String contentType) {
        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(body);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;

    RawApi(FaultProxyServer server) {
        this.base = "http://127.0.0.1:" + server.apiPort();
    }

    Answer get(String path) throws Exception {
        return send("GET", path, null);
    }

    Answer post(String path, String body) throws Exception {
        return send("POST", path, body);
    }

    Answer send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(5))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(),
                response.headers().firstValue("content-type").orElse(null));
    }
}
