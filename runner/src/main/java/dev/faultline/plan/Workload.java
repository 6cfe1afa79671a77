package dev.faultline.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Request mixes for the reference store's key-value API, named so a plan need not spell them out. Each is an
 * ordinary list of {@link RequestSpec}s: {@code load.workload: set} is the same as writing its requests by hand.
 */
public enum Workload {
    /**
     * A register per key: {@code write} (PUT /kv/${key} of a unique value {@code ${client}-${seq}}, each acknowledgement
     * recorded for the lost-writes check) and {@code read} (GET, 404 allowed), 1:1.
     */
    @JsonProperty("register") REGISTER(List.of(
            new RequestSpec("write", 1, "PUT", "/kv/${key}", null, "${client}-${seq}", null, null, true),
            new RequestSpec("read", 1, "GET", "/kv/${key}", null, null, List.of(200, 404), null, false))),
    /**
     * A grow-only set per key: {@code add} (POST /kv/${key}/add of a unique element {@code ${client}-${seq}}, each
     * acknowledgement recorded for the lost-writes check) and {@code read} (GET, 404 allowed), 1:1.
     */
    @JsonProperty("set") SET(List.of(
            new RequestSpec("add", 1, "POST", "/kv/${key}/add", null, "${client}-${seq}", null, null, true),
            new RequestSpec("read", 1, "GET", "/kv/${key}", null, null, List.of(200, 404), null, false)));

    private final List<RequestSpec> requests;

    Workload(List<RequestSpec> requests) {
        this.requests = requests;
    }

    /** The requests this workload stands for. */
    public List<RequestSpec> requests() {
        return requests;
    }
}
