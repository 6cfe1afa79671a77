package dev.faultline.plan;

import java.util.List;

/**
 * A link as faults name it: {@code from->to}, where either side may be {@code *} for any component
 * ({@code *->n1}: every link into n1; {@code lb->*}: every link out of the balancer).
 */
public final class LinkPattern {
    private LinkPattern() {
    }

    /** Throws, naming {@code key}, unless {@code pattern} is {@code from->to} with both sides given. */
    static void requireValid(String pattern, String kind) {
        String[] sides = pattern == null ? new String[0] : pattern.split("->", -1);
        if (sides.length != 2 || sides[0].isBlank() || sides[1].isBlank()) {
            throw new IllegalArgumentException(kind + " needs a 'link' written from->to, e.g. \"lb->n1\" or \"*->n1\"");
        }
    }

    /** Whether {@code link} (a concrete {@code from->to}) is one that {@code pattern} names. */
    public static boolean matches(String pattern, String link) {
        String[] p = pattern.split("->", -1);
        String[] l = link.split("->", -1);
        return l.length == 2 && side(p[0], l[0]) && side(p[1], l[1]);
    }

    /** The links of {@code links} that {@code pattern} names, in their order. */
    public static List<String> select(String pattern, List<String> links) {
        return links.stream().filter(link -> matches(pattern, link)).toList();
    }

    /** The two ends of a concrete link. */
    public static String[] ends(String link) {
        return link.split("->", -1);
    }

    private static boolean side(String pattern, String name) {
        return pattern.equals("*") || pattern.equals(name);
    }
}
