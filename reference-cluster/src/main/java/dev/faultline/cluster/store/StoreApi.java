package dev.faultline.cluster.store;

import static io.netty.handler.codec.http.HttpResponseStatus.BAD_REQUEST;
import static io.netty.handler.codec.http.HttpResponseStatus.NOT_FOUND;
import static io.netty.handler.codec.http.HttpResponseStatus.NO_CONTENT;
import static io.netty.handler.codec.http.HttpResponseStatus.OK;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.cluster.http.HttpResponses;
import dev.faultline.cluster.store.clock.HybridClock;
import dev.faultline.cluster.store.replication.InternalApi;
import dev.faultline.cluster.store.replication.Replica;
import dev.faultline.cluster.store.replication.StoreMetrics;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The store node's HTTP API as a function from request to (eventual) response. Routes:
 * <ul>
 *   <li>{@code GET/PUT/DELETE /kv/{key}}, {@code POST /kv/{key}/add}: the client API ({@link ClientApi})</li>
 *   <li>{@code GET /health}: {@code ok}; {@code GET /metrics}: Prometheus text</li>
 *   <li>{@code GET /internal/digest}: {@code {"node","keys","digest"}} over what reads would show</li>
 *   <li>{@code GET/POST /admin/clock}: {@code {"skewMs": N}} shifts this node's clock</li>
 *   <li>{@code /internal/merge|kv/{key}|buckets|entries}: node to node ({@link InternalApi})</li>
 * </ul>
 * Every error is 4xx (or 503 for an unreachable quorum) with {@code {"error": "..."}}.
 */
final class StoreApi {
    private static final String KV_PREFIX = "/kv/";
    private static final String INTERNAL_KV_PREFIX = "/internal/kv/";
    private static final String ADD_SUFFIX = "/add";
    private static final int MAX_KEY_BYTES = 1024;

    private final String node;
    private final ClientApi client;
    private final InternalApi internal;
    private final Replica replica;
    private final HybridClock clock;
    private final StoreMetrics metrics;
    private final Executor bulkWork;

    StoreApi(String node, ClientApi client, InternalApi internal, Replica replica, HybridClock clock,
            StoreMetrics metrics, Executor bulkWork) {
        this.node = node;
        this.client = client;
        this.internal = internal;
        this.replica = replica;
        this.clock = clock;
        this.metrics = metrics;
        this.bulkWork = bulkWork;
    }

    CompletableFuture<FullHttpResponse> handle(StoreRequest request) {
        String path = request.rawPath();
        HttpMethod method = request.method();
        try {
            if (path.startsWith(KV_PREFIX)) {
                return keyValue(method, path, request);
            }
            if (path.startsWith("/internal/")) {
                return internal(method, path, request);
            }
            if (path.equals("/metrics") && isGet(method)) {
                // a scrape takes milliseconds of CPU: off the event loop, so requests are not held up behind it
                return CompletableFuture.supplyAsync(() -> HttpResponses.bytes(OK, metrics.scrape().getBytes(UTF_8),
                        "text/plain; version=0.0.4; charset=utf-8"), bulkWork);
            }
            return done(switch (path) {
                case "/health" -> isGet(method) ? HttpResponses.text(OK, "ok") : notAllowed(method, path, "GET");
                case "/metrics" -> notAllowed(method, path, "GET");
                case "/admin/clock" -> clock(method, path, request.body());
                default -> JsonResponses.error(NOT_FOUND, "no such path: " + path);
            });
        } catch (IllegalArgumentException e) {
            return done(JsonResponses.error(BAD_REQUEST, e.getMessage()));
        }
    }

    private CompletableFuture<FullHttpResponse> keyValue(HttpMethod method, String path, StoreRequest request) {
        String rest = path.substring(KV_PREFIX.length());
        boolean add = rest.endsWith(ADD_SUFFIX) && rest.indexOf('/') == rest.length() - ADD_SUFFIX.length();
        String rawKey = add ? rest.substring(0, rest.length() - ADD_SUFFIX.length()) : rest;
        if (rawKey.indexOf('/') >= 0) {
            return done(JsonResponses.error(NOT_FOUND, "no such path: " + path
                    + " (a '/' inside a key must be sent as %2F)"));
        }
        String key = key(rawKey, path);
        long started = System.nanoTime();
        CompletableFuture<FullHttpResponse> response;
        String op;
        if (add) {
            if (!method.equals(HttpMethod.POST)) {
                return done(notAllowed(method, path, "POST"));
            }
            if (client.conflicts() != Conflicts.SET_UNION) {
                return done(JsonResponses.error(BAD_REQUEST, "adding to a set needs conflicts: set-union, and this store uses "
                        + client.conflicts().planName()));
            }
            op = "add";
            response = client.add(key, request.body());
        } else if (method.equals(HttpMethod.GET)) {
            op = "get";
            response = client.get(key);
        } else if ((method.equals(HttpMethod.PUT) || method.equals(HttpMethod.DELETE))
                && client.conflicts() == Conflicts.SET_UNION) {
            return done(JsonResponses.notAllowed(method, path,
                    "; under set-union a key's set only grows: add elements with POST " + path + ADD_SUFFIX, "GET"));
        } else if (method.equals(HttpMethod.PUT) || method.equals(HttpMethod.DELETE)) {
            op = method.equals(HttpMethod.PUT) ? "put" : "delete";
            response = client.write(key, request.body(), method.equals(HttpMethod.DELETE), request.context());
        } else {
            return done(client.conflicts() == Conflicts.SET_UNION ? notAllowed(method, path, "GET")
                    : notAllowed(method, path, "GET", "PUT", "DELETE"));
        }
        return response.whenComplete((answer, failure) -> metrics.request(op,
                answer == null ? 500 : answer.status().code(), System.nanoTime() - started));
    }

    private CompletableFuture<FullHttpResponse> internal(HttpMethod method, String path, StoreRequest request) {
        if (path.equals("/internal/digest")) {
            return isGet(method) ? CompletableFuture.supplyAsync(this::digest, bulkWork) : done(notAllowed(method, path, "GET"));
        }
        if (path.equals("/internal/merge")) {
            if (!method.equals(HttpMethod.POST)) {
                return done(notAllowed(method, path, "POST"));
            }
            return internal.merge(request.body()).thenApply(applied -> HttpResponses.empty(NO_CONTENT));
        }
        if (path.startsWith(INTERNAL_KV_PREFIX)) {
            String key = key(path.substring(INTERNAL_KV_PREFIX.length()), path);
            return done(isGet(method) ? JsonResponses.json(OK, internal.read(key)) : notAllowed(method, path, "GET"));
        }
        if (path.equals("/internal/buckets")) {
            String peer = request.queryParameter("with");
            if (!isGet(method)) {
                return done(notAllowed(method, path, "GET"));
            }
            if (peer == null) {
                return done(JsonResponses.error(BAD_REQUEST, "GET /internal/buckets needs ?with=NODE"));
            }
            return CompletableFuture.supplyAsync(() -> JsonResponses.json(OK, internal.bucketHashes(peer)), bulkWork);
        }
        if (path.equals("/internal/entries")) {
            if (!method.equals(HttpMethod.POST)) {
                return done(notAllowed(method, path, "POST"));
            }
            return CompletableFuture.supplyAsync(() -> JsonResponses.json(OK, internal.entriesIn(request.body())), bulkWork);
        }
        return done(JsonResponses.error(NOT_FOUND, "no such path: " + path));
    }

    private FullHttpResponse digest() {
        StateDigest.Builder digest = StateDigest.builder();
        replica.forEachVisible((key, visible) -> digest.add(key, VisibleState.encode(visible)));
        StateDigest state = digest.build();
        return JsonResponses.json(OK, new DigestBody(node, state.keys(), state.hex()));
    }

    private FullHttpResponse clock(HttpMethod method, String path, byte[] body) {
        if (method.equals(HttpMethod.POST)) {
            JsonNode skew;
            try {
                skew = JsonResponses.JSON.readTree(body).get("skewMs");
            } catch (IOException | RuntimeException e) {
                skew = null;
            }
            if (skew == null || !skew.canConvertToLong() || !skew.isIntegralNumber()) {
                return JsonResponses.error(BAD_REQUEST, "POST /admin/clock needs a JSON body {\"skewMs\": N}, N whole milliseconds (negative: behind)");
            }
            clock.skew(skew.asLong());
        } else if (!method.equals(HttpMethod.GET)) {
            return notAllowed(method, path, "GET", "POST");
        }
        return JsonResponses.json(OK, Map.of("node", node, "skewMs", clock.skewMillis()));
    }

    private static String key(String raw, String path) {
        String key;
        try {
            key = KeyCodec.decode(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed key in " + path + ": " + e.getMessage(), e);
        }
        if (key.isEmpty()) {
            throw new IllegalArgumentException("the key in " + path + " must not be empty");
        }
        if (key.getBytes(UTF_8).length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("a key may have at most " + MAX_KEY_BYTES + " bytes of UTF-8");
        }
        return key;
    }

    private static boolean isGet(HttpMethod method) {
        return method.equals(HttpMethod.GET);
    }

    private static FullHttpResponse notAllowed(HttpMethod method, String path, String... allowed) {
        return JsonResponses.notAllowed(method, path, "", allowed);
    }

    private static CompletableFuture<FullHttpResponse> done(FullHttpResponse response) {
        return CompletableFuture.completedFuture(response);
    }

    /** The JSON body of {@code GET /internal/digest}. */
    record DigestBody(String node, int keys, String digest) {
    }
}
