package dev.faultline.plan;

/**
 * One thing wrong with a plan: where it is ({@code file}, 1-based {@code line} and {@code column}, 0 when unknown, and
 * the key {@code path} such as {@code faults[0].latency.link}), what is wrong, and a hint how to fix it (or null).
 */
public record Problem(String file, int line, int column, String path, String message, String hint) {

    public Problem {
        path = path == null ? "" : path;
    }

    /** {@code plan.yaml:14:7 faults[1].latency: unknown key 'jiter' (did you mean 'jitter'? known: link, delay, jitter)} */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(file);
        if (line > 0) {
            s.append(':').append(line).append(':').append(column);
        }
        s.append(' ');
        if (!path.isEmpty()) {
            s.append(path).append(": ");
        }
        s.append(message);
        if (hint != null && !hint.isEmpty()) {
            s.append(" (").append(hint).append(')');
        }
        return s.toString();
    }
}
