package dev.faultline.plan;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One named request of the mix, chosen with probability weight / (sum of weights). {@code path}, header values and
 * {@code body} are templates: {@code ${key}}, {@code ${client}}, {@code ${seq}}, {@code ${uuid}},
 * {@code ${random:MIN:MAX}}. {@code expect} lists the statuses that count as success (default: any 2xx).
 * {@code ackLog}: each success is an acknowledged write, recorded (key and body) in the run's acknowledgement log.
 */
public record RequestSpec(
        String name,
        Integer weight,
        String method,
        String path,
        Map<String, String> headers,
        String body,
        List<Integer> expect,
        Duration timeout,
        Boolean ackLog) {

    public RequestSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a request needs a 'name'");
        }
        weight = weight == null ? 1 : weight;
        if (weight < 1) {
            throw new IllegalArgumentException("weight must be at least 1, not " + weight);
        }
        method = method == null ? "GET" : method.toUpperCase(java.util.Locale.ROOT);
        if (!List.of("GET", "PUT", "POST", "DELETE", "HEAD", "PATCH", "OPTIONS").contains(method)) {
            throw new IllegalArgumentException("unknown method '" + method + "' (known: GET, PUT, POST, DELETE, HEAD, PATCH, OPTIONS)");
        }
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("a request needs a 'path' that starts with '/'");
        }
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        expect = expect == null ? List.of() : List.copyOf(expect);
        for (int status : expect) {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("expect holds HTTP statuses 100..599, not " + status);
            }
        }
        ackLog = ackLog != null && ackLog;
        if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
            throw new IllegalArgumentException("timeout must be longer than 0");
        }
    }

    /** A request that records no acknowledgements. */
    public RequestSpec(String name, Integer weight, String method, String path, Map<String, String> headers, String body,
            List<Integer> expect, Duration timeout) {
        this(name, weight, method, path, headers, body, expect, timeout, false);
    }

    /** Whether a response status counts as success for this request. */
    public boolean isExpected(int status) {
        return expect.isEmpty() ? status >= 200 && status < 300 : expect.contains(status);
    }
}
