package dev.faultline.cluster.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.cluster.http.HttpResponses;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Map;

/** The store's JSON responses; every error is {@code {"error": "what is wrong"}}. */
final class JsonResponses {
    static final ObjectMapper JSON = new ObjectMapper();

    private JsonResponses() {
    }

    static FullHttpResponse error(HttpResponseStatus status, String message) {
        return json(status, Map.of("error", message));
    }

    static FullHttpResponse json(HttpResponseStatus status, Object body) {
        try {
            return HttpResponses.bytes(status, JSON.writeValueAsBytes(body), HttpHeaderValues.APPLICATION_JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static FullHttpResponse json(HttpResponseStatus status, byte[] body) {
        return HttpResponses.bytes(status, body, HttpHeaderValues.APPLICATION_JSON);
    }

    static FullHttpResponse notAllowed(HttpMethod method, String path, String why, String... allowed) {
        String allow = String.join(", ", allowed);
        FullHttpResponse response = error(HttpResponseStatus.METHOD_NOT_ALLOWED,
                "method " + method + " not allowed on " + path + " (allowed: " + allow + ")" + why);
        response.headers().set(HttpHeaderNames.ALLOW, allow);
        return response;
    }
}
