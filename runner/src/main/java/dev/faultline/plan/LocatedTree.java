package dev.faultline.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan's YAML as a Jackson tree, plus where every node came from: path ({@code faults[0].latency.link}) to the
 * line and column of its key and of its value, or to the {@code --set} override that put it there.
 */
final class LocatedTree {

    /** Where a node came from: a 1-based line and column of the file, or an override (then line and column are 0). */
    record Mark(int line, int column, String override) {
        static Mark at(int line, int column) {
            return new Mark(line, column, null);
        }
    }

    private final String file;
    private JsonNode root;
    private final Map<String, Mark> values = new HashMap<>();
    private final Map<String, Mark> keys = new HashMap<>();

    LocatedTree(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    JsonNode root() {
        return root;
    }

    void root(JsonNode node) {
        root = node;
    }

    void markValue(String path, Mark mark) {
        values.put(path, mark);
    }

    void markKey(String path, Mark mark) {
        keys.put(path, mark);
    }

    /** Where the value at {@code path} starts, or its nearest located ancestor. */
    Mark valueMark(String path) {
        String p = path;
        while (true) {
            Mark m = values.get(p);
            if (m != null) {
                return m;
            }
            if (p.isEmpty()) {
                return Mark.at(1, 1);
            }
            p = Paths.parent(p);
        }
    }

    /** Where the key of {@code path} is written; for list entries and the root, where the value starts. */
    Mark keyMark(String path) {
        Mark m = keys.get(path);
        return m != null ? m : valueMark(path);
    }

    /** The node at {@code path}, or a missing node. */
    JsonNode at(String path) {
        JsonNode node = root;
        for (Object segment : Paths.segments(path)) {
            if (node == null) {
                return MissingNode.getInstance();
            }
            node = segment instanceof Integer i ? node.get(i) : node.get((String) segment);
        }
        return node == null ? MissingNode.getInstance() : node;
    }

    /** Forgets the marks of {@code path} and everything below it (before an override replaces it). */
    void forget(String path) {
        for (Map<String, Mark> map : List.of(values, keys)) {
            map.keySet().removeIf(p -> p.equals(path) || p.startsWith(path + ".") || p.startsWith(path + "["));
        }
    }

    /** Copies the value marks of another tree under {@code path}, all attributed to one override. */
    void adopt(String path, LocatedTree other, String override) {
        for (String p : other.values.keySet()) {
            values.put(Paths.join(path, p), new Mark(0, 0, override));
        }
        for (String p : other.keys.keySet()) {
            keys.put(Paths.join(path, p), new Mark(0, 0, override));
        }
    }

    /** A problem located at the value of {@code path}. */
    Problem problem(String path, String message, String hint) {
        return problem(valueMark(path), path, message, hint);
    }

    /** A problem located at the key of {@code keyPath} but reported for {@code path}. */
    Problem problemAtKey(String keyPath, String path, String message, String hint) {
        return problem(keyMark(keyPath), path, message, hint);
    }

    private Problem problem(Mark mark, String path, String message, String hint) {
        if (mark.override() != null) {
            String from = "set by --set '" + mark.override() + "'";
            return new Problem(file, 0, 0, path, message, hint == null ? from : hint + "; " + from);
        }
        return new Problem(file, mark.line(), mark.column(), path, message, hint);
    }
}
