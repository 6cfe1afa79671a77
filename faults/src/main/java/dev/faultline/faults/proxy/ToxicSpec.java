package dev.faultline.faults.proxy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One toxic as the API shows it. {@code attributes} always holds every attribute of the type
 * (0 for any not supplied), in the type's order; {@code stream} is kept as it was sent.
 */
record ToxicSpec(String name, String type, String stream, float toxicity, Map<String, Long> attributes) {

    ToxicSpec {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    Direction direction() {
        return Direction.parse(stream);
    }

    long attribute(String key) {
        return attributes.getOrDefault(key, 0L);
    }

    /** A copy with {@code changes} merged into the attributes (keys of the type only) and, if given, a new toxicity. */
    ToxicSpec merged(Map<String, Long> changes, Float newToxicity) {
        Map<String, Long> merged = new LinkedHashMap<>(attributes);
        changes.forEach((key, value) -> merged.computeIfPresent(key, (k, old) -> value));
        return new ToxicSpec(name, type, stream, newToxicity == null ? toxicity : newToxicity, merged);
    }
}
