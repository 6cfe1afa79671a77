package dev.faultline.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies {@code --set path=value} overrides to a plan's tree before binding. The path is checked against the plan's
 * records (so a misspelled key is caught here, with a suggestion); the value is read as YAML. A missing map on the way
 * is created; a list index must exist.
 */
final class Overrides {
    private final LocatedTree tree;
    private final String override;

    private Overrides(LocatedTree tree, String override) {
        this.tree = tree;
        this.override = override;
    }

    /** Applies every override in order; the problems of those that could not be applied. */
    static List<Problem> apply(LocatedTree tree, List<String> overrides) {
        List<Problem> problems = new ArrayList<>();
        for (String override : overrides) {
            String problem = new Overrides(tree, override).apply();
            if (problem != null) {
                problems.add(new Problem(tree.file(), 0, 0, "", "--set '" + override + "': " + problem, null));
            }
        }
        return problems;
    }

    /** Applies the override; a description of what is wrong with it, or null. */
    private String apply() {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            return "expected path=value, e.g. load.stages[0].rate=50/s";
        }
        String path = override.substring(0, eq).strip();
        List<Object> segments;
        try {
            segments = Paths.segments(path);
        } catch (IllegalArgumentException e) {
            return "bad path: " + e.getMessage();
        }
        LocatedTree value;
        try {
            value = YamlTreeReader.readAny(override.substring(eq + 1), "--set");
        } catch (PlanException e) {
            return "bad value: " + e.problems().get(0).message();
        }
        return set(segments, value);
    }

    private String set(List<Object> segments, LocatedTree value) {
        JsonNode node = tree.root();
        Type type = Plan.class;
        String at = "";
        for (int i = 0; i < segments.size(); i++) {
            Object segment = segments.get(i);
            boolean last = i == segments.size() - 1;
            if (segment instanceof String key) {
                Class<?> raw = raw(type);
                if (raw.isRecord()) {
                    RecordComponent c = YamlNames.component(raw, key).orElse(null);
                    if (c == null) {
                        return "'" + Paths.key(at, key) + "' is not in a plan ("
                                + Suggestions.hint(key, YamlNames.keys(raw), "known keys" + (at.isEmpty() ? "" : " of " + at)) + ")";
                    }
                    type = c.getGenericType();
                } else if (Map.class.isAssignableFrom(raw)) {
                    type = typeArgument(type, 1);
                } else {
                    return name(at) + " is " + (List.class.isAssignableFrom(raw) ? "a list" : "a single value")
                            + " and has no key '" + key + "'";
                }
                if (!(node instanceof ObjectNode object)) {
                    return name(at) + " is " + Describe.node(node) + ", not a map";
                }
                at = Paths.key(at, key);
                if (last) {
                    replace(at, value, v -> object.set(key, v));
                } else {
                    JsonNode child = object.get(key);
                    if ((child == null || child.isNull()) && segments.get(i + 1) instanceof String) {
                        child = JsonNodeFactory.instance.objectNode();
                        object.set(key, child);
                    }
                    node = child;
                }
            } else {
                int index = (Integer) segment;
                if (!List.class.isAssignableFrom(raw(type))) {
                    return name(at) + " is not a list, so [" + index + "] does not apply";
                }
                type = typeArgument(type, 0);
                int size = node instanceof ArrayNode array ? array.size() : 0;
                if (index >= size) {
                    return name(at) + " has " + size + (size == 1 ? " entry" : " entries") + ", so there is no ["
                            + index + "] (indexes count from 0)";
                }
                ArrayNode array = (ArrayNode) node;
                at = Paths.index(at, index);
                if (last) {
                    replace(at, value, v -> array.set(index, v));
                } else {
                    node = array.get(index);
                }
            }
        }
        return null;
    }

    private void replace(String at, LocatedTree value, java.util.function.Consumer<JsonNode> setter) {
        tree.forget(at);
        tree.adopt(at, value, override);
        setter.accept(value.root() == null ? NullNode.getInstance() : value.root());
    }

    private static String name(String path) {
        return path.isEmpty() ? "the plan" : "'" + path + "'";
    }

    private static Class<?> raw(Type type) {
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return type instanceof Class<?> c ? c : Object.class;
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }
}
