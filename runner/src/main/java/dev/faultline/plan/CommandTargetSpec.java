package dev.faultline.plan;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A user's own service, started by the run from a command line and stopped at its end. The load reaches it through
 * the fault proxy over the link {@code client-><name>}; {@code ${port}} and {@code ${name}} in {@code run},
 * {@code env} and {@code ready} are replaced by the service's port and name.
 *
 * @param name         the component's name (default {@code app}): link {@code client-><name>}, crash and pause target
 * @param run          the program and its arguments, e.g. {@code [java, -jar, app.jar, --port, "${port}"]}
 * @param env          environment variables added to the runner's own
 * @param port         the port the service listens on; absent: a free port, passed to it only through {@code ${port}}
 * @param ready        a path ({@code /health}) or URL polled until it answers 2xx; absent: until the port accepts
 *                     connections
 * @param readyTimeout how long the service may take to be ready (default 30s)
 * @param dir          the command's working directory (default: the runner's)
 */
public record CommandTargetSpec(String name, List<String> run, Map<String, String> env, Integer port, String ready,
        Duration readyTimeout, String dir) {
    /** The default component name. */
    public static final String DEFAULT_NAME = "app";
    static final Pattern COMPONENT_NAME = Pattern.compile("[a-z][a-z0-9_-]*");
    private static final String PORT = "${port}";

    public CommandTargetSpec {
        name = componentName(name);
        if (run == null || run.isEmpty() || run.get(0) == null || run.get(0).isBlank()) {
            throw new IllegalArgumentException("'run' needs the command to start, e.g. [java, -jar, app.jar]");
        }
        run = List.copyOf(run);
        env = env == null ? Map.of() : Map.copyOf(env);
        if (port != null && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("port must be a TCP port (1..65535), not " + port);
        }
        if (port == null && run.stream().noneMatch(w -> w.contains(PORT)) && env.values().stream().noneMatch(v -> v.contains(PORT))) {
            throw new IllegalArgumentException("the service's port is unknown: give 'port', or pass " + PORT
                    + " to the command in 'run' or 'env' (e.g. --port=" + PORT + ")");
        }
        if (ready != null && !ready.startsWith("/") && !ready.startsWith("http://")) {
            throw new IllegalArgumentException("ready must be a path (/health) or an http:// URL, not '" + ready + "'");
        }
        readyTimeout = readyTimeout == null ? Duration.ofSeconds(30) : readyTimeout;
        if (readyTimeout.isZero()) {
            throw new IllegalArgumentException("ready-timeout must be more than 0");
        }
    }

    /** The name, or the default; refused when it is not a component name or is a built-in one. */
    static String componentName(String name) {
        String given = name == null ? DEFAULT_NAME : name;
        if (!COMPONENT_NAME.matcher(given).matches()) {
            throw new IllegalArgumentException("name '" + given + "' must be lower-case letters, digits, '_' or '-', "
                    + "starting with a letter");
        }
        if (given.equals(ClusterSpec.CLIENT) || given.equals("fault-proxy")) {
            throw new IllegalArgumentException("name '" + given + "' is taken: " + ClusterSpec.CLIENT
                    + " and fault-proxy are built in");
        }
        return given;
    }
}
