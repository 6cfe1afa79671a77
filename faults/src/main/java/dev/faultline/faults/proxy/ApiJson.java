package dev.faultline.faults.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads request bodies and writes proxies, toxics and errors in Toxiproxy's JSON shapes and key order. */
final class ApiJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private ApiJson() {
    }

    /** Parses a body; an empty or malformed body is Toxiproxy's 400 {@code bad request body: ...}. */
    static JsonNode parse(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).trim();
        if (text.isEmpty()) {
            throw ApiException.badRequest("bad request body: EOF");
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("bad request body: " + e.getOriginalMessage());
        }
    }

    static JsonNode parseObject(byte[] body) {
        JsonNode node = parse(body);
        if (!node.isObject()) {
            throw ApiException.badRequest("bad request body: expected a JSON object");
        }
        return node;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest("bad request body: field '" + field + "' must be a string");
        }
        return value.asText();
    }

    static Boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw ApiException.badRequest("bad request body: field '" + field + "' must be a boolean");
        }
        return value.asBoolean();
    }

    static Float toxicity(JsonNode node) {
        JsonNode value = node.get("toxicity");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw ApiException.badRequest("bad request body: field 'toxicity' must be a number");
        }
        return value.floatValue();
    }

    /** The integer attributes of a request; unknown keys are kept here and ignored by the type. */
    static Map<String, Long> attributes(JsonNode node) {
        Map<String, Long> attributes = new LinkedHashMap<>();
        JsonNode given = node.get("attributes");
        if (given == null || given.isNull()) {
            return attributes;
        }
        if (!given.isObject()) {
            throw ApiException.badRequest("bad request body: field 'attributes' must be an object");
        }
        given.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (!value.isIntegralNumber() && !(value.isNumber() && value.asDouble() == Math.rint(value.asDouble()))) {
                throw ApiException.badRequest("bad request body: attribute '" + field.getKey() + "' must be an integer");
            }
            attributes.put(field.getKey(), value.asLong());
        });
        return attributes;
    }

    static ObjectNode toxic(ToxicSpec spec) {
        ObjectNode node = MAPPER.createObjectNode();
        ObjectNode attributes = node.putObject("attributes");
        spec.attributes().forEach(attributes::put);
        node.put("name", spec.name());
        node.put("type", spec.type());
        node.put("stream", spec.stream());
        node.put("toxicity", spec.toxicity());
        return node;
    }

    static ArrayNode toxics(FaultProxy proxy) {
        ArrayNode array = MAPPER.createArrayNode();
        proxy.toxics().list().forEach(spec -> array.add(toxic(spec)));
        return array;
    }

    static ObjectNode proxy(FaultProxy proxy) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", proxy.name());
        node.put("listen", proxy.listen());
        node.put("upstream", proxy.upstream());
        node.put("enabled", proxy.enabled());
        node.set("toxics", toxics(proxy));
        return node;
    }

    static long ttlMs(JsonNode node) {
        JsonNode value = node.get("ttl_ms");
        if (value == null || !value.isIntegralNumber()) {
            throw ApiException.badRequest("bad request body: field 'ttl_ms' must be an integer (milliseconds)");
        }
        return value.asLong();
    }

    static ObjectNode lease(ProxyLeases.Lease lease) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("proxy", lease.proxy());
        node.put("ttl_ms", lease.ttlMs());
        return node;
    }

    static ObjectNode error(ApiException error) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("error", error.getMessage());
        node.put("status", error.status());
        return node;
    }
}
