package dev.faultline.plan;

import java.util.ArrayList;
import java.util.List;

/** Key paths as problems print them: {@code load.stages[0].rate}; the root is the empty path. */
final class Paths {
    private Paths() {
    }

    static String key(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** {@code child} (relative, e.g. {@code latency.link} or {@code [0].rate}) under {@code parent}. */
    static String join(String parent, String child) {
        if (child.isEmpty()) {
            return parent;
        }
        if (parent.isEmpty() || child.startsWith("[")) {
            return parent + child;
        }
        return parent + "." + child;
    }

    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }

    /** The segments of a path: a String per key and an Integer per list index. */
    static List<Object> segments(String path) {
        List<Object> segments = new ArrayList<>();
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                i++;
            } else if (c == '[') {
                int close = path.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("'[' at position " + i + " is not closed with ']'");
                }
                String number = path.substring(i + 1, close).strip();
                if (!number.matches("\\d{1,9}")) {
                    throw new IllegalArgumentException("a list index is a whole number >= 0, not '" + number + "'");
                }
                segments.add(Integer.parseInt(number));
                i = close + 1;
            } else {
                int end = i;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                String key = path.substring(i, end).strip();
                if (key.isEmpty() || key.contains("]")) {
                    throw new IllegalArgumentException("'" + path.substring(i, end) + "' is not a key");
                }
                segments.add(key);
                i = end;
            }
        }
        if (path.endsWith(".")) {
            throw new IllegalArgumentException("the path ends with '.'");
        }
        return segments;
    }
}
