package dev.faultline.targets;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A user's own service, started as a process the run owns. The command line, the environment values and the ready
 * URL may hold the placeholders {@code ${port}} (the port the service must listen on) and {@code ${name}} (the
 * component's name); they are replaced before the command starts.
 *
 * @param name             the component's name in links and faults, e.g. {@code app} (link {@code client->app})
 * @param command          the program and its arguments; not empty
 * @param environment      added to the runner's own environment
 * @param port             the port the service listens on (on 127.0.0.1), or 0 to pick a free one, which then reaches
 *                         the service only through {@code ${port}}
 * @param ready            a URL ({@code http://127.0.0.1:${port}/health}) or a path ({@code /health}, on the service's
 *                         own address) that answers 2xx once the service is ready; null: ready when the port accepts
 *                         TCP connections
 * @param readyTimeout     how long the service may take to be ready
 * @param workingDirectory where the command runs; null: the runner's working directory
 * @param workDir          where the component's folder ({@code <workDir>/<name>/}, its output) goes; null: a new
 *                         temporary directory
 * @param faultProxy       a Toxiproxy-compatible API to carry the link, or null to start a fault proxy in this JVM
 */
public record CommandTargetConfig(String name, List<String> command, Map<String, String> environment, int port,
        String ready, Duration readyTimeout, Path workingDirectory, Path workDir, URI faultProxy) {
    /** The placeholder for the service's port. */
    public static final String PORT = "${port}";
    /** The placeholder for the component's name. */
    public static final String NAME = "${name}";
    /** The default {@link #readyTimeout()}. */
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern COMPONENT_NAME = Pattern.compile("[a-z][a-z0-9_-]*");

    public CommandTargetConfig {
        if (name == null || !COMPONENT_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: '" + name + "' must be lower-case letters, digits, '_' or '-', "
                    + "starting with a letter (it names the component and its link client->" + name + ")");
        }
        if (name.equals("client") || name.equals(ReferenceClusterTarget.FAULT_PROXY)) {
            throw new IllegalArgumentException("name: '" + name + "' is taken (client and fault-proxy are built in)");
        }
        if (command == null || command.isEmpty() || command.get(0).isBlank()) {
            throw new IllegalArgumentException("run: give the command to start, e.g. [java, -jar, app.jar]");
        }
        command = List.copyOf(command);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: " + port + " is not a TCP port (1..65535)");
        }
        if (port == 0 && !mentionsPort(command, environment)) {
            throw new IllegalArgumentException("the service's port is unknown: give 'port', or pass " + PORT
                    + " to the command in 'run' or 'env' (e.g. --port=" + PORT + ")");
        }
        if (ready != null && !ready.startsWith("/") && !ready.startsWith("http://")) {
            throw new IllegalArgumentException("ready: '" + ready + "' must be a path (/health) or an http:// URL");
        }
        readyTimeout = readyTimeout == null ? DEFAULT_READY_TIMEOUT : readyTimeout;
        if (readyTimeout.isNegative() || readyTimeout.isZero()) {
            throw new IllegalArgumentException("ready-timeout must be positive");
        }
    }

    /** The command line with the placeholders replaced. */
    public List<String> resolvedCommand(int actualPort) {
        List<String> resolved = new ArrayList<>();
        command.forEach(word -> resolved.add(resolve(word, actualPort)));
        return resolved;
    }

    /** The environment with the placeholders replaced. */
    public Map<String, String> resolvedEnvironment(int actualPort) {
        Map<String, String> resolved = new LinkedHashMap<>();
        environment.forEach((key, value) -> resolved.put(key, resolve(value, actualPort)));
        return resolved;
    }

    /** The ready URL with the placeholders replaced, or null when readiness is an open port. */
    public URI resolvedReady(int actualPort) {
        if (ready == null) {
            return null;
        }
        String url = ready.startsWith("/") ? "http://127.0.0.1:" + actualPort + ready : resolve(ready, actualPort);
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ready: '" + url + "' is not a URL: " + e.getMessage(), e);
        }
    }

    private String resolve(String text, int actualPort) {
        return text.replace(PORT, Integer.toString(actualPort)).replace(NAME, name);
    }

    private static boolean mentionsPort(List<String> command, Map<String, String> environment) {
        return command.stream().anyMatch(word -> word.contains(PORT))
                || environment.values().stream().anyMatch(value -> value.contains(PORT));
    }
}
