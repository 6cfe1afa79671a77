package dev.faultline.cluster.store;

import static io.netty.handler.codec.http.HttpResponseStatus.BAD_REQUEST;
import static io.netty.handler.codec.http.HttpResponseStatus.NOT_FOUND;
import static io.netty.handler.codec.http.HttpResponseStatus.NO_CONTENT;
import static io.netty.handler.codec.http.HttpResponseStatus.OK;
import static io.netty.handler.codec.http.HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE;
import static io.netty.handler.codec.http.HttpResponseStatus.SERVICE_UNAVAILABLE;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.faultline.cluster.http.HttpResponses;
import dev.faultline.cluster.store.replication.Coordinator;
import dev.faultline.cluster.store.replication.Outcome;
import dev.faultline.cluster.store.version.Reconciler;
import dev.faultline.cluster.store.version.Version;
import dev.faultline.cluster.store.version.VersionVector;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderValues;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The client's key-value operations on an already valid key: mint a version, have the {@link Coordinator} place
 * it or read the replicas, and shape the answer for the key's conflict mode. See {@link StoreApi} for the shapes.
 */
final class ClientApi {
    static final String CONTEXT_HEADER = "X-Context";
    static final String SIBLINGS_HEADER = "X-Siblings";
    static final int MAX_VALUE_BYTES = 1024 * 1024;
    static final int MAX_ELEMENT_BYTES = 4 * 1024;

    private final Conflicts conflicts;
    private final Coordinator coordinator;
    private final VersionMinter minter;
    private final Reconciler reconciler;
    private final long timeoutMillis;

    ClientApi(Conflicts conflicts, Coordinator coordinator, VersionMinter minter, Reconciler reconciler,
            long timeoutMillis) {
        this.conflicts = conflicts;
        this.coordinator = coordinator;
        this.minter = minter;
        this.reconciler = reconciler;
        this.timeoutMillis = timeoutMillis;
    }

    Conflicts conflicts() {
        return conflicts;
    }

    CompletableFuture<FullHttpResponse> get(String key) {
        return coordinator.read(key).thenApply(outcome -> {
            if (!outcome.reached()) {
                return unavailable("read", outcome);
            }
            List<Version> visible = reconciler.visible(outcome.versions());
            if (visible.isEmpty()) {
                FullHttpResponse missing = JsonResponses.error(NOT_FOUND, "no such key: " + key);
                addContext(missing, outcome.versions());
                return missing;
            }
            return switch (conflicts) {
                case LWW -> HttpResponses.bytes(OK, visible.get(0).value(), HttpHeaderValues.APPLICATION_OCTET_STREAM);
                case VERSION_VECTORS -> siblings(visible, outcome.versions());
                case SET_UNION -> JsonResponses.json(OK, visible.stream().map(v -> new String(v.value(), UTF_8)).toList());
            };
        });
    }

    /** PUT or DELETE of a whole value; {@code context} is the client's X-Context token or null. */
    CompletableFuture<FullHttpResponse> write(String key, byte[] value, boolean delete, String context) {
        if (value.length > MAX_VALUE_BYTES) {
            return done(JsonResponses.error(REQUEST_ENTITY_TOO_LARGE,
                    "a value may have at most " + MAX_VALUE_BYTES + " bytes, but this one has " + value.length));
        }
        Version version;
        if (conflicts == Conflicts.VERSION_VECTORS) {
            VersionVector causes;
            try {
                causes = context == null ? VersionVector.EMPTY : VersionVector.fromToken(context);
            } catch (IllegalArgumentException e) {
                return done(JsonResponses.error(BAD_REQUEST, e.getMessage()));
            }
            version = minter.descendant(value, delete, causes);
        } else {
            version = minter.stamped(value, delete);
        }
        return place(key, version);
    }

    /** Adds one element (the UTF-8 body) to the set at {@code key}. */
    CompletableFuture<FullHttpResponse> add(String key, byte[] element) {
        if (element.length == 0 || element.length > MAX_ELEMENT_BYTES) {
            return done(JsonResponses.error(element.length == 0 ? BAD_REQUEST : REQUEST_ENTITY_TOO_LARGE,
                    "a set element is the request body: 1 to " + MAX_ELEMENT_BYTES + " bytes of UTF-8, but it has "
                            + element.length + " bytes"));
        }
        if (!isUtf8(element)) {
            return done(JsonResponses.error(BAD_REQUEST, "a set element must be UTF-8 text"));
        }
        return place(key, minter.element(element));
    }

    private CompletableFuture<FullHttpResponse> place(String key, Version version) {
        return coordinator.write(key, List.of(version)).thenApply(outcome ->
                outcome.reached() ? HttpResponses.empty(NO_CONTENT) : unavailable("write", outcome));
    }

    private FullHttpResponse siblings(List<Version> visible, List<Version> all) {
        FullHttpResponse response;
        if (visible.size() == 1) {
            response = HttpResponses.bytes(OK, visible.get(0).value(), HttpHeaderValues.APPLICATION_OCTET_STREAM);
        } else {
            List<Map<String, String>> values = visible.stream().map(version -> {
                Map<String, String> sibling = new LinkedHashMap<>();
                sibling.put("value", new String(version.value(), UTF_8));
                sibling.put("base64", Base64.getEncoder().encodeToString(version.value()));
                return sibling;
            }).toList();
            response = JsonResponses.json(OK, Map.of("siblings", values));
        }
        response.headers().set(SIBLINGS_HEADER, visible.size());
        addContext(response, all);
        return response;
    }

    private void addContext(FullHttpResponse response, List<Version> all) {
        if (conflicts == Conflicts.VERSION_VECTORS && !all.isEmpty()) {
            VersionVector context = all.stream().map(Version::vector).reduce(VersionVector.EMPTY, VersionVector::merge);
            response.headers().set(CONTEXT_HEADER, context.token());
        }
    }

    private FullHttpResponse unavailable(String op, Outcome outcome) {
        String what = op.equals("write") ? "write acks" : "read answers";
        return JsonResponses.error(SERVICE_UNAVAILABLE, "quorum not reached: " + outcome.answers() + " of "
                + outcome.needed() + " " + what + " from " + outcome.replicas() + " within " + timeoutMillis + "ms");
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static CompletableFuture<FullHttpResponse> done(FullHttpResponse response) {
        return CompletableFuture.completedFuture(response);
    }
}
