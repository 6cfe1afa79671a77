package dev.faultline.plan;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;

/** Words for what a plan holds and what it should hold, for "expected X, found Y" messages. */
final class Describe {
    private Describe() {
    }

    /** What a YAML node is: {@code the text 'abc'}, {@code the number 3}, {@code a list}, {@code a map}. */
    static String node(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isObject()) {
            return "a map";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isNull()) {
            return "an empty value";
        }
        if (node.isBoolean()) {
            return "the boolean " + node.asText();
        }
        if (node.isNumber()) {
            return "the number " + node.asText();
        }
        return "the text '" + node.asText() + "'";
    }

    static String token(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> "a map";
            case START_ARRAY -> "a list";
            case VALUE_NULL -> "an empty value";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            default -> "text";
        };
    }

    /** What a value of {@code type} is written as, e.g. {@code a whole number}. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == Duration.class) {
            return "a duration such as 250ms, 5s or 1m";
        }
        if (type.isEnum()) {
            return "one of " + String.join(", ", YamlNames.values(type));
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type.isRecord()) {
            return "a map with keys " + String.join(", ", YamlNames.keys(type));
        }
        if (Map.class.isAssignableFrom(type)) {
            return "a map";
        }
        return "a " + type.getSimpleName();
    }
}
