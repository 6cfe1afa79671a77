package dev.faultline.cluster.store;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Map;

/**
 * What the store needs of one request, copied out of Netty's reference-counted message so it can be answered
 * later, on another thread.
 *
 * @param rawPath the path, still percent-encoded
 * @param context the {@code X-Context} header, or null
 */
record StoreRequest(HttpMethod method, String rawPath, Map<String, List<String>> query, String context, byte[] body) {

    static StoreRequest of(FullHttpRequest request) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        return new StoreRequest(request.method(), uri.rawPath(), uri.parameters(),
                request.headers().get(ClientApi.CONTEXT_HEADER), ByteBufUtil.getBytes(request.content()));
    }

    String queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
