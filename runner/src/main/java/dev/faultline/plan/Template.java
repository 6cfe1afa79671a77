package dev.faultline.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * A request template: literal text with variables {@code ${key}}, {@code ${client}}, {@code ${seq}}, {@code ${uuid}}
 * and {@code ${random:MIN:MAX}}. Parsing only; the load generator renders.
 */
public record Template(String source, List<Part> parts) {

    public static final String KNOWN = "key, client, seq, uuid, random:MIN:MAX";

    /** A piece of a template. */
    public sealed interface Part permits Literal, Variable {
    }

    /** Text copied as it is. */
    public record Literal(String text) implements Part {
    }

    /** A variable; {@code min} and {@code max} are used by {@link Kind#RANDOM} only (inclusive). */
    public record Variable(Kind kind, long min, long max) implements Part {
    }

    /** What a variable stands for. */
    public enum Kind {
        /** A key of the load's key space, drawn by its distribution. */
        KEY,
        /** The identity of the client sending the request. */
        CLIENT,
        /** A number unique to the request within the run, counting from 0. */
        SEQ,
        /** A random UUID. */
        UUID,
        /** A uniform random integer between MIN and MAX inclusive. */
        RANDOM
    }

    public Template {
        parts = List.copyOf(parts);
    }

    public static Template parse(String source) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < source.length()) {
            int open = source.indexOf("${", i);
            if (open < 0) {
                literal.append(source, i, source.length());
                break;
            }
            literal.append(source, i, open);
            int close = source.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("'${' at position " + open + " is not closed with '}' in \"" + source + "\"");
            }
            if (!literal.isEmpty()) {
                parts.add(new Literal(literal.toString()));
                literal.setLength(0);
            }
            parts.add(variable(source.substring(open + 2, close).strip()));
            i = close + 1;
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        return new Template(source, parts);
    }

    private static Variable variable(String text) {
        String[] pieces = text.split(":", -1);
        switch (pieces[0]) {
            case "key":
                return simple(Kind.KEY, pieces);
            case "client":
                return simple(Kind.CLIENT, pieces);
            case "seq":
                return simple(Kind.SEQ, pieces);
            case "uuid":
                return simple(Kind.UUID, pieces);
            case "random":
                if (pieces.length != 3) {
                    throw new IllegalArgumentException("${random} needs bounds: ${random:MIN:MAX}, e.g. ${random:1:100}");
                }
                long min;
                long max;
                try {
                    min = Long.parseLong(pieces[1].strip());
                    max = Long.parseLong(pieces[2].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("${" + text + "}: MIN and MAX must be whole numbers");
                }
                if (max < min) {
                    throw new IllegalArgumentException("${" + text + "}: MAX is smaller than MIN");
                }
                return new Variable(Kind.RANDOM, min, max);
            default:
                throw new IllegalArgumentException("unknown variable ${" + text + "} (known: " + KNOWN + ")");
        }
    }

    private static Variable simple(Kind kind, String[] pieces) {
        if (pieces.length != 1) {
            throw new IllegalArgumentException("${" + String.join(":", pieces) + "}: " + pieces[0] + " takes no arguments");
        }
        return new Variable(kind, 0, 0);
    }

    /** Whether the template has no variables. */
    public boolean isConstant() {
        return parts.stream().allMatch(p -> p instanceof Literal);
    }
}
