package dev.faultline.cluster.store;

import static io.netty.handler.codec.http.HttpResponseStatus.BAD_REQUEST;
import static io.netty.handler.codec.http.HttpResponseStatus.METHOD_NOT_ALLOWED;
import static io.netty.handler.codec.http.HttpResponseStatus.NOT_FOUND;
import static io.netty.handler.codec.http.HttpResponseStatus.NO_CONTENT;
import static io.netty.handler.codec.http.HttpResponseStatus.OK;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.cluster.http.HttpResponses;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.UncheckedIOException;

/** The store node's HTTP API as a function from request to response; no I/O, so it can be tested directly. */
final class StoreApi {
    private static final String KV_PREFIX = "/kv/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String node;
    private final KeyValueStore store;

    StoreApi(String node, KeyValueStore store) {
        this.node = node;
        this.store = store;
    }

    FullHttpResponse handle(FullHttpRequest request) {
        String path = new QueryStringDecoder(request.uri()).rawPath();
        HttpMethod method = request.method();
        if (path.equals("/health")) {
            return method.equals(HttpMethod.GET) ? HttpResponses.text(OK, "ok") : notAllowed(method, path, "GET");
        }
        if (path.equals("/internal/digest")) {
            return method.equals(HttpMethod.GET) ? digest() : notAllowed(method, path, "GET");
        }
        if (path.startsWith(KV_PREFIX) && path.indexOf('/', KV_PREFIX.length()) < 0) {
            return keyValue(method, path, request);
        }
        return HttpResponses.text(NOT_FOUND, "no such path: " + path);
    }

    private FullHttpResponse keyValue(HttpMethod method, String path, FullHttpRequest request) {
        String key;
        try {
            key = KeyCodec.decode(path.substring(KV_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return HttpResponses.text(BAD_REQUEST, "malformed key in " + path + ": " + e.getMessage());
        }
        if (key.isEmpty()) {
            return HttpResponses.text(BAD_REQUEST, "the key in /kv/{key} must not be empty");
        }
        if (method.equals(HttpMethod.GET)) {
            return store.get(key)
                    .map(value -> HttpResponses.bytes(OK, value, HttpHeaderValues.APPLICATION_OCTET_STREAM))
                    .orElseGet(() -> HttpResponses.text(NOT_FOUND, "no such key: " + key));
        }
        if (method.equals(HttpMethod.PUT)) {
            store.put(key, ByteBufUtil.getBytes(request.content()));
            return HttpResponses.empty(NO_CONTENT);
        }
        if (method.equals(HttpMethod.DELETE)) {
            store.delete(key);
            return HttpResponses.empty(NO_CONTENT);
        }
        return notAllowed(method, path, "GET", "PUT", "DELETE");
    }

    private FullHttpResponse digest() {
        StateDigest digest = store.digest();
        try {
            byte[] body = JSON.writeValueAsBytes(new DigestBody(node, digest.keys(), digest.hex()));
            return HttpResponses.bytes(OK, body, HttpHeaderValues.APPLICATION_JSON);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the digest of node " + node, e);
        }
    }

    private static FullHttpResponse notAllowed(HttpMethod method, String path, String... allowed) {
        String allow = String.join(", ", allowed);
        FullHttpResponse response = HttpResponses.text(METHOD_NOT_ALLOWED,
                "method " + method + " not allowed on " + path + " (allowed: " + allow + ")");
        response.headers().set(HttpHeaderNames.ALLOW, allow);
        return response;
    }

    /** The JSON body of {@code GET /internal/digest}. */
    record DigestBody(String node, int keys, String digest) {
    }
}
