package dev.faultline.cluster.balancer;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;

/** How the balancer answers a request it could not parse: 431 for oversized headers, 414 for a too long request line, else 400. */
record BadRequest(HttpResponseStatus status, String kind, String message) {

    static BadRequest of(Throwable cause) {
        String detail = cause == null ? "unknown problem" : String.valueOf(cause.getMessage());
        if (cause instanceof TooLongHttpHeaderException) {
            return new BadRequest(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "header_too_large",
                    "request header fields too large: " + detail);
        }
        if (cause instanceof TooLongHttpLineException) {
            return new BadRequest(HttpResponseStatus.REQUEST_URI_TOO_LONG, "request_line_too_long",
                    "request line too long: " + detail);
        }
        return new BadRequest(HttpResponseStatus.BAD_REQUEST, "bad_request", "malformed request: " + detail);
    }
}
