package dev.faultline.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Finds every unknown key and every empty list entry in a plan's tree by walking it alongside the plan's records,
 * before binding. Jackson reports only the first unknown key, and only after a record's constructor has run (which
 * may fail first, for want of the misspelled key); its own check stays on as the backstop.
 */
final class TreeChecks {
    /** Records whose keys include a kind (exactly one of which is given), with the word for that kind. */
    private static final Map<Class<?>, Map.Entry<String, List<String>>> KINDS = Map.of(
            FaultSpec.class, Map.entry("fault kind", FaultSpec.KINDS),
            CheckSpec.class, Map.entry("check kind", CheckSpec.KINDS),
            TargetSpec.class, Map.entry("target kind", TargetSpec.KINDS));

    private TreeChecks() {
    }

    /** A problem for each key of the tree that no record accepts, and for each empty entry of a list. */
    static List<Problem> find(LocatedTree tree) {
        List<Problem> problems = new ArrayList<>();
        walk(tree.root(), Plan.class, "", tree, problems);
        return problems;
    }

    private static void walk(JsonNode node, Type type, String at, LocatedTree tree, List<Problem> problems) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : type instanceof Class<?> c ? c : Object.class;
        if (raw.isRecord() && node.isObject()) {
            for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                RecordComponent c = YamlNames.component(raw, key).orElse(null);
                if (c == null) {
                    problems.add(problem(key, raw, Paths.key(at, key), at, tree));
                } else {
                    walk(node.get(key), c.getGenericType(), Paths.key(at, key), tree, problems);
                }
            }
        } else if (List.class.isAssignableFrom(raw) && node.isArray() && type instanceof ParameterizedType p) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isNull()) {
                    problems.add(tree.problem(Paths.index(at, i), "empty entry in a list", "fill it in or remove it"));
                }
                walk(node.get(i), p.getActualTypeArguments()[0], Paths.index(at, i), tree, problems);
            }
        } else if (Map.class.isAssignableFrom(raw) && node.isObject() && type instanceof ParameterizedType p) {
            node.properties().forEach(e -> walk(e.getValue(), p.getActualTypeArguments()[1], Paths.key(at, e.getKey()), tree, problems));
        }
    }

    /** {@code unknown key 'jiter'} at the key, reported for its map, with the nearest known key and the known keys. */
    static Problem problem(String key, Class<?> owner, String keyPath, String mapPath, LocatedTree tree) {
        List<String> known = YamlNames.keys(owner);
        Map.Entry<String, List<String>> kinds = KINDS.get(owner);
        if (kinds != null && Suggestions.nearest(key, known).isEmpty()) {
            List<String> others = known.stream().filter(k -> !kinds.getValue().contains(k)).toList();
            String hint = Suggestions.hint(key, kinds.getValue(), "known kinds")
                    + (others.isEmpty() ? "" : "; other keys: " + String.join(", ", others));
            return tree.problemAtKey(keyPath, mapPath, "unknown " + kinds.getKey() + " '" + key + "'", hint);
        }
        return tree.problemAtKey(keyPath, mapPath, "unknown key '" + key + "'", Suggestions.hint(key, known, "known"));
    }
}
