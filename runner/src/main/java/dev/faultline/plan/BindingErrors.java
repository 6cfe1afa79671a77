package dev.faultline.plan;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;

/** Turns Jackson's binding exceptions into located {@link Problem}s with messages a plan's author can act on. */
final class BindingErrors {
    private BindingErrors() {
    }

    /** The problem of {@code e}, raised while binding the node at {@code base} (the empty path for the root). */
    static Problem translate(JsonMappingException e, String base, LocatedTree tree) {
        String path = Paths.join(base, path(e));
        if (e instanceof PropertyBindingException unknown) {
            return TreeChecks.problem(unknown.getPropertyName(), unknown.getReferringClass(), path, Paths.parent(path), tree);
        }
        if (e instanceof PlanMapper.BadValueException) {
            return tree.problem(path, e.getOriginalMessage(), null);
        }
        if (e instanceof InvalidFormatException bad && bad.getTargetType() != null && bad.getTargetType().isEnum()) {
            String value = String.valueOf(bad.getValue());
            return tree.problem(path, "unknown value '" + value + "'",
                    Suggestions.hint(value, YamlNames.values(bad.getTargetType()), "known"));
        }
        Throwable cause = rootCause(e);
        if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
            String message = cause.getMessage() != null && cause instanceof IllegalArgumentException
                    ? cause.getMessage() : "holds an empty value where one is needed";
            return tree.problem(path, message, null);
        }
        if (e instanceof MismatchedInputException mismatch) {
            return tree.problem(path, "expected " + Describe.expected(mismatch.getTargetType())
                    + ", found " + Describe.node(tree.at(path)), null);
        }
        return tree.problem(path, e.getOriginalMessage(), null);
    }

    /** Jackson's path reference as a plan path: {@code faults[0].latency.jiter}. */
    static String path(JsonMappingException e) {
        StringBuilder s = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                s.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (!s.isEmpty()) {
                    s.append('.');
                }
                s.append(ref.getFieldName());
            }
        }
        return s.toString();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
