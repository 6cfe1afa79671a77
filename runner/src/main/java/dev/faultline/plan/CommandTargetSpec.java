package dev.faultline.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A user's own service, started by the run from a command line and stopped at its end. With one node the load
 * reaches it through the fault proxy over the link {@code client-><name>}; with {@code nodes: N} the run starts N
 * instances {@code <name>1..<name>N} behind the bundled balancer {@code lb}, reached over {@code client->lb} and
 * {@code lb-><name>I}. {@code ${port}}, {@code ${name}}, {@code ${node}}, {@code ${nodes}} and {@code ${peers}} in
 * {@code run}, {@code env} and {@code ready} are replaced per instance.
 *
 * @param name         the component's name (default {@code app}): link {@code client-><name>}, crash and pause target;
 *                     with several nodes the instances' names are it and their number
 * @param run          the program and its arguments, e.g. {@code [java, -jar, app.jar, --port, "${port}"]}
 * @param env          environment variables added to the runner's own
 * @param port         the port the service listens on; absent: a free port, passed to it only through {@code ${port}};
 *                     not with several nodes
 * @param ready        a path ({@code /health}) or URL polled until it answers 2xx; absent: until the port accepts
 *                     connections
 * @param readyTimeout how long the service may take to be ready (default 30s)
 * @param dir          the command's working directory (default: the runner's)
 * @param nodes        how many instances (1..32, default 1)
 * @param balancer     with several nodes, the balancer in front of them; absent: round-robin with health checks of the
 *                     ready path (when {@code ready} gives one)
 */
public record CommandTargetSpec(String name, List<String> run, Map<String, String> env, Integer port, String ready,
        Duration readyTimeout, String dir, Integer nodes, BalancerSpec balancer) {
    /** The default component name. */
    public static final String DEFAULT_NAME = "app";
    /** The most instances. */
    public static final int MAX_NODES = 32;
    static final Pattern COMPONENT_NAME = Pattern.compile("[a-z][a-z0-9_-]*");
    private static final String PORT = "${port}";
    private static final String PEERS = "${peers}";

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
        if (port == null && !mentions(PORT, run, env, null)) {
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
        nodes = nodes == null ? 1 : nodes;
        if (nodes < 1 || nodes > MAX_NODES) {
            throw new IllegalArgumentException("nodes must lie between 1 and " + MAX_NODES + ", not " + nodes);
        }
        if (nodes > 1 && port != null) {
            throw new IllegalArgumentException("with nodes: " + nodes + " each instance listens on a port of its own: "
                    + "leave 'port' out and pass " + PORT + " to the command");
        }
        if (nodes > 1 && name.equals(ClusterSpec.BALANCER)) {
            throw new IllegalArgumentException("name '" + name + "' is taken by the balancer in front of the nodes");
        }
        if (nodes == 1 && balancer != null) {
            throw new IllegalArgumentException("'balancer' needs nodes: 2 or more; one node has no balancer in front "
                    + "of it (the load reaches it over " + ClusterSpec.CLIENT + "->" + name + ")");
        }
    }

    /** One node, with no balancer. */
    public CommandTargetSpec(String name, List<String> run, Map<String, String> env, Integer port, String ready,
            Duration readyTimeout, String dir) {
        this(name, run, env, port, ready, readyTimeout, dir, null, null);
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

    /** The instances: {@code [<name>]} for one node, {@code <name>1..<name>N} for several. */
    public List<String> instances() {
        if (nodes == 1) {
            return List.of(name);
        }
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= nodes; i++) {
            names.add(name + i);
        }
        return names;
    }

    /** The balancers in front of several nodes: {@code lb}, and {@code lb2} with a standby; none for one node. */
    public List<String> balancers() {
        if (nodes == 1) {
            return List.of();
        }
        return balancer != null && balancer.standby() ? List.of(ClusterSpec.BALANCER, ClusterSpec.STANDBY_BALANCER)
                : List.of(ClusterSpec.BALANCER);
    }

    /** Whether {@code run}, {@code env} or {@code ready} asks for {@code ${peers}}: then instances reach each other through links. */
    public boolean usesPeers() {
        return mentions(PEERS, run, env, ready);
    }

    /** The components that faults may name: the instances, then the balancers. */
    public List<String> components() {
        List<String> names = new ArrayList<>(instances());
        names.addAll(balancers());
        return names;
    }

    /**
     * The links: {@code client-><name>} for one node; for several, {@code client->lb}, {@code lb-><name>I} (and
     * {@code lb2-><name>I} with a standby), and with {@code ${peers}} {@code <name>I-><name>J} for every ordered pair.
     */
    public List<String> links() {
        if (nodes == 1) {
            return List.of(ClusterSpec.CLIENT + "->" + name);
        }
        List<String> links = new ArrayList<>();
        links.add(ClusterSpec.CLIENT + "->" + ClusterSpec.BALANCER);
        for (String balancerName : balancers()) {
            instances().forEach(instance -> links.add(balancerName + "->" + instance));
        }
        if (usesPeers()) {
            for (String from : instances()) {
                for (String to : instances()) {
                    if (!from.equals(to)) {
                        links.add(from + "->" + to);
                    }
                }
            }
        }
        return links;
    }

    private static boolean mentions(String placeholder, List<String> run, Map<String, String> env, String ready) {
        return Stream.concat(Stream.concat(run.stream(), env.values().stream()), Stream.ofNullable(ready))
                .anyMatch(text -> text.contains(placeholder));
    }
}
