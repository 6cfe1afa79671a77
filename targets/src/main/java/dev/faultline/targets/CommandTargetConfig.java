package dev.faultline.targets;

import dev.faultline.cluster.balancer.BalancerSettings;
import dev.faultline.cluster.balancer.HealthCheckSettings;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A user's own service, started as one process the run owns, or as {@code nodes} instances behind the bundled
 * balancer. The command line, the environment values and the ready URL may hold placeholders, replaced per instance
 * before it starts: {@code ${port}} (the port the instance must listen on), {@code ${name}} (its component name),
 * {@code ${node}} (its number, 1..nodes), {@code ${nodes}} (how many instances there are) and {@code ${peers}} (the
 * other instances' addresses, {@code 127.0.0.1:PORT,...} in node order, each through its own fault-proxy link).
 *
 * @param name             the component's name in links and faults, e.g. {@code app} (link {@code client->app}); with
 *                         several nodes, the instances are {@code <name>1..<name>N}
 * @param command          the program and its arguments; not empty
 * @param environment      added to the runner's own environment
 * @param port             the port the service listens on (on 127.0.0.1), or 0 to pick a free one, which then reaches
 *                         the service only through {@code ${port}}; with several nodes it must be 0
 * @param ready            a URL ({@code http://127.0.0.1:${port}/health}) or a path ({@code /health}, on the service's
 *                         own address) that answers 2xx once the service is ready; null: ready when the port accepts
 *                         TCP connections
 * @param readyTimeout     how long the service may take to be ready
 * @param workingDirectory where the command runs; null: the runner's working directory
 * @param workDir          where each component's folder ({@code <workDir>/<name>/}, its output) goes; null: a new
 *                         temporary directory
 * @param faultProxy       a Toxiproxy-compatible API to carry the links, or null to start a fault proxy in this JVM
 * @param nodes            how many instances, 1..{@value #MAX_NODES}; 1: the service alone
 *                         behind {@code client-><name>}; more: behind the balancer {@code lb}
 * @param balancer         with several nodes, how {@code lb} balances; null: {@link #defaultBalancer(String)}. Must be
 *                         null with one node
 */
public record CommandTargetConfig(String name, List<String> command, Map<String, String> environment, int port,
        String ready, Duration readyTimeout, Path workingDirectory, Path workDir, URI faultProxy, int nodes,
        BalancerSettings balancer) {
    /** The placeholder for the instance's port. */
    public static final String PORT = "${port}";
    /** The placeholder for the instance's component name. */
    public static final String NAME = "${name}";
    /** The placeholder for the instance's number, 1..nodes. */
    public static final String NODE = "${node}";
    /** The placeholder for the number of instances. */
    public static final String NODES = "${nodes}";
    /** The placeholder for the other instances' addresses, comma-separated, each through its link. */
    public static final String PEERS = "${peers}";
    /** The default {@link #readyTimeout()}. */
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(30);
    /** The most instances a command target starts. */
    public static final int MAX_NODES = 32;
    private static final Pattern COMPONENT_NAME = Pattern.compile("[a-z][a-z0-9_-]*");
    /** A ready URL on the instance's own port: its path is a health-check path on the service port. */
    private static final Pattern OWN_PORT_URL =
            Pattern.compile("http://(?:127\\.0\\.0\\.1|localhost)" + Pattern.quote(":" + PORT) + "(/[^#]*)");

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
        if (port == 0 && !mentions(PORT, command, environment, null)) {
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
        if (nodes < 1 || nodes > MAX_NODES) {
            throw new IllegalArgumentException("nodes: " + nodes + " must lie between 1 and " + MAX_NODES);
        }
        if (nodes > 1 && port != 0) {
            throw new IllegalArgumentException("port: with " + nodes + " nodes each instance needs a port of its own; "
                    + "leave 'port' out and pass " + PORT + " to the command");
        }
        if (nodes > 1 && name.equals(ReferenceClusterTarget.BALANCER)) {
            throw new IllegalArgumentException("name: '" + name + "' is taken by the balancer in front of the nodes");
        }
        if (nodes == 1 && balancer != null) {
            throw new IllegalArgumentException("balancer: one node has no balancer in front of it (the load reaches it "
                    + "over client->" + name + "); give nodes: 2 or more, or leave the balancer out");
        }
        balancer = nodes > 1 && balancer == null ? defaultBalancer(ready) : balancer;
    }

    /** A single instance, behind {@code client-><name>}. */
    public CommandTargetConfig(String name, List<String> command, Map<String, String> environment, int port,
            String ready, Duration readyTimeout, Path workingDirectory, Path workDir, URI faultProxy) {
        this(name, command, environment, port, ready, readyTimeout, workingDirectory, workDir, faultProxy, 1, null);
    }

    /**
     * The balancer of several nodes when none is given: layer 7, round-robin, and health checks (every 500 ms,
     * unhealthy after 2 failures, healthy after 2 passes) of {@link #healthPath(String)} when there is one; without a
     * known HTTP path there are no health checks.
     */
    public static BalancerSettings defaultBalancer(String ready) {
        String path = healthPath(ready);
        return path == null ? BalancerSettings.DEFAULTS
                : BalancerSettings.DEFAULTS.withHealthCheck(HealthCheckSettings.DEFAULTS.withPath(path));
    }

    /**
     * The path the balancer's health checks may ask on each instance's service port: {@code ready} when it is a path,
     * the path of a ready URL on {@code 127.0.0.1:${port}} (or {@code localhost:${port}}); otherwise null (readiness
     * is an open port, or is asked elsewhere).
     */
    public static String healthPath(String ready) {
        if (ready == null) {
            return null;
        }
        if (ready.startsWith("/")) {
            return ready;
        }
        Matcher own = OWN_PORT_URL.matcher(ready);
        return own.matches() && !own.group(1).contains("${") ? own.group(1) : null;
    }

    /** The instances' component names: {@code [<name>]} for one node, {@code <name>1..<name>N} for several. */
    public List<String> instanceNames() {
        if (nodes == 1) {
            return List.of(name);
        }
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= nodes; i++) {
            names.add(name + i);
        }
        return names;
    }

    /** Whether the command, its environment or its ready URL asks for {@code ${peers}}: then peer links exist. */
    public boolean usesPeers() {
        return mentions(PEERS, command, environment, ready);
    }

    /**
     * One instance's values of the placeholders.
     *
     * @param name  its component name
     * @param node  its number, 1..nodes
     * @param port  the port it listens on
     * @param peers the addresses at which it reaches the other instances, in node order
     */
    public record Instance(String name, int node, int port, List<InetSocketAddress> peers) {
        public Instance {
            peers = List.copyOf(peers);
        }
    }

    /** The one instance of a single-node target listening on {@code actualPort}. */
    public Instance single(int actualPort) {
        return new Instance(name, 1, actualPort, List.of());
    }

    /** The command line with the placeholders replaced for the single instance. */
    public List<String> resolvedCommand(int actualPort) {
        return resolvedCommand(single(actualPort));
    }

    /** The environment with the placeholders replaced for the single instance. */
    public Map<String, String> resolvedEnvironment(int actualPort) {
        return resolvedEnvironment(single(actualPort));
    }

    /** The ready URL with the placeholders replaced for the single instance, or null when readiness is an open port. */
    public URI resolvedReady(int actualPort) {
        return resolvedReady(single(actualPort));
    }

    /** The command line with the placeholders replaced for {@code instance}. */
    public List<String> resolvedCommand(Instance instance) {
        return command.stream().map(word -> resolve(word, instance)).toList();
    }

    /** The environment with the placeholders replaced for {@code instance}. */
    public Map<String, String> resolvedEnvironment(Instance instance) {
        Map<String, String> resolved = new LinkedHashMap<>();
        environment.forEach((key, value) -> resolved.put(key, resolve(value, instance)));
        return resolved;
    }

    /** The ready URL with the placeholders replaced for {@code instance}, or null when readiness is an open port. */
    public URI resolvedReady(Instance instance) {
        if (ready == null) {
            return null;
        }
        String url = ready.startsWith("/") ? "http://127.0.0.1:" + instance.port() + ready : resolve(ready, instance);
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ready: '" + url + "' is not a URL: " + e.getMessage(), e);
        }
    }

    private String resolve(String text, Instance instance) {
        String peers = instance.peers().stream().map(p -> p.getHostString() + ":" + p.getPort())
                .collect(Collectors.joining(","));
        return text.replace(PORT, Integer.toString(instance.port())).replace(NAME, instance.name())
                .replace(NODES, Integer.toString(nodes)).replace(NODE, Integer.toString(instance.node()))
                .replace(PEERS, peers);
    }

    private static boolean mentions(String placeholder, List<String> command, Map<String, String> environment,
            String ready) {
        return Stream.concat(Stream.concat(command.stream(), environment.values().stream()), Stream.ofNullable(ready))
                .anyMatch(text -> text.contains(placeholder));
    }
}
