package dev.faultline.cluster.balancer;

import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Translates a client's request into the one sent to a backend, and the backend's response back. */
final class Forwarding {
    static final String BACKEND_HEADER = "X-Backend";

    private Forwarding() {
    }

    /**
     * The request to send to the backend: same method, target, headers and body, as HTTP/1.1 keep-alive, without
     * hop-by-hop headers, with a Content-Length and the client appended to {@code X-Forwarded-For}. The headers of
     * {@code request} are changed in place and shared (copying them is the proxy's largest cost); the body is a
     * retained duplicate: the caller still owns {@code request}.
     */
    static FullHttpRequest toBackend(FullHttpRequest request, SocketAddress client) {
        HttpHeaders headers = request.headers();
        HopByHopHeaders.strip(headers);
        // the balancer has read the whole body already, answering any 100-continue itself
        headers.remove(HttpHeaderNames.EXPECT);
        int length = request.content().readableBytes();
        if (length > 0 || request.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
            headers.setInt(HttpHeaderNames.CONTENT_LENGTH, length);
        }
        if (client instanceof InetSocketAddress inet) {
            String previous = headers.get("X-Forwarded-For");
            String ip = inet.getAddress() == null ? inet.getHostString() : inet.getAddress().getHostAddress();
            headers.set("X-Forwarded-For", previous == null ? ip : previous + ", " + ip);
        }
        return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, request.method(), request.uri(),
                request.content().retainedDuplicate(), headers, request.trailingHeaders());
    }

    /**
     * The response to send to the client: the backend's status, headers and body without hop-by-hop headers,
     * plus {@code X-Backend}. Takes ownership of the backend response and changes it in place.
     */
    static FullHttpResponse toClient(FullHttpResponse response, Backend backend, HttpMethod requestMethod) {
        HttpHeaders headers = response.headers();
        HopByHopHeaders.strip(headers);
        boolean lengthIsTheBackends = requestMethod.equals(HttpMethod.HEAD)
                || response.status().equals(HttpResponseStatus.NOT_MODIFIED);
        if (!lengthIsTheBackends) {
            headers.setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        }
        headers.set(BACKEND_HEADER, backend.name());
        response.setProtocolVersion(HttpVersion.HTTP_1_1);
        return response;
    }
}
