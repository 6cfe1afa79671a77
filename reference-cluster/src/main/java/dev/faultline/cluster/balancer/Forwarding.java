package dev.faultline.cluster.balancer;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Translates a client's request into the one sent to a backend, and the backend's response back. */
final class Forwarding {
    static final String BACKEND_HEADER = "X-Backend";
    private static final AsciiString BACKEND = AsciiString.cached("x-backend");
    private static final AsciiString FORWARDED_FOR = AsciiString.cached("x-forwarded-for");

    private Forwarding() {
    }

    /** The address to append to {@code X-Forwarded-For} for {@code client}, or null if it has none. */
    static String clientIp(SocketAddress client) {
        if (client instanceof InetSocketAddress inet) {
            return inet.getAddress() == null ? inet.getHostString() : inet.getAddress().getHostAddress();
        }
        return null;
    }

    /**
     * The request to send to the backend: same method, target, headers and body, as HTTP/1.1 keep-alive, without
     * hop-by-hop headers, with a Content-Length and {@code clientIp} (if not null) appended to
     * {@code X-Forwarded-For}. This is {@code request} itself, changed in place (copying headers was the proxy's
     * largest cost) and retained once for the write: the caller still owns its own reference to {@code request}.
     */
    static FullHttpRequest toBackend(FullHttpRequest request, String clientIp) {
        HttpHeaders headers = request.headers();
        HopByHopHeaders.strip(headers);
        // the balancer has read the whole body already, answering any 100-continue itself
        headers.remove(HttpHeaderNames.EXPECT);
        int length = request.content().readableBytes();
        if (length > 0 || headers.contains(HttpHeaderNames.CONTENT_LENGTH)) {
            setContentLength(headers, length);
        }
        if (clientIp != null) {
            String previous = headers.get(FORWARDED_FOR);
            headers.set(FORWARDED_FOR, previous == null ? clientIp : previous + ", " + clientIp);
        }
        request.setProtocolVersion(HttpVersion.HTTP_1_1);
        return request.retain();
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
            setContentLength(headers, response.content().readableBytes());
        }
        headers.set(BACKEND, backend.name());
        response.setProtocolVersion(HttpVersion.HTTP_1_1);
        return response;
    }

    /**
     * Sets Content-Length to {@code length} unless it says so already (saves formatting the number each time; the
     * HTTP decoder has merged repeated equal Content-Length headers into one and refused differing ones).
     */
    private static void setContentLength(HttpHeaders headers, int length) {
        Integer current = headers.getInt(HttpHeaderNames.CONTENT_LENGTH);
        if (current == null || current != length) {
            headers.setInt(HttpHeaderNames.CONTENT_LENGTH, length);
        }
    }
}
