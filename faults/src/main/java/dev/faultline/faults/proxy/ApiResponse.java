package dev.faultline.faults.proxy;

import java.nio.charset.StandardCharsets;

/** What one API call answers: a status, a content type and a body (empty for 204). */
record ApiResponse(int status, String contentType, byte[] body) {

    static final String JSON = "application/json; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";

    static ApiResponse json(int status, String json) {
        return new ApiResponse(status, JSON, (json + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static ApiResponse noContent() {
        return new ApiResponse(204, null, new byte[0]);
    }

    static ApiResponse text(int status, String text) {
        return new ApiResponse(status, TEXT, (text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static ApiResponse empty(int status) {
        return new ApiResponse(status, null, new byte[0]);
    }
}
