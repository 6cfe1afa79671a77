package dev.faultline.targets;

import dev.faultline.cluster.balancer.BalancerSettings;
import dev.faultline.cluster.launch.ComponentDescription;
import dev.faultline.cluster.launch.ComponentKind;
import dev.faultline.cluster.launch.StartedComponent;
import dev.faultline.cluster.store.Peer;
import dev.faultline.faults.network.Link;
import dev.faultline.faults.network.LinkFaults;
import dev.faultline.targets.process.ComponentProcess;
import dev.faultline.targets.process.ComponentProcesses;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bundled reference cluster, its components inside this JVM or each its own OS process (per
 * {@link ReferenceClusterConfig#isolation()}). Every link passes through the fault proxy, which always runs in this
 * JVM: the load reaches the balancer over {@code client->lb}, and the balancer reaches store node {@code nI} over
 * {@code lb->nI}, so a fault is a property of the network, not a flag in the code under test. With a standby
 * balancer {@code lb2}, {@code client->lb} leads to the service port the pair shares, whichever of them holds it.
 */
public final class ReferenceClusterTarget implements Target {
    /** The component name of the fault proxy's API. */
    public static final String FAULT_PROXY = "fault-proxy";
    /** The component name of the balancer. */
    public static final String BALANCER = "lb";
    /**
     * The component name of the standby balancer, started when {@link BalancerSettings#standby()} is on: it shares
     * {@code lb}'s service port (and so the {@code client->lb} link) and takes the port over when {@code lb}'s
     * process dies; it reaches node {@code nI} over its own link {@code lb2->nI}.
     */
    public static final String STANDBY_BALANCER = "lb2";

    private final ReferenceClusterConfig config;
    private final CloseStack started = new CloseStack();
    private final Map<String, Link> links = new LinkedHashMap<>();
    private final Map<String, Component> components = new LinkedHashMap<>();
    private LinkFaults linkFaults;
    private URI serviceUri;
    private int faultProxyPort;
    private Path workDir;

    private ReferenceClusterTarget(ReferenceClusterConfig config) {
        this.config = config;
    }

    /**
     * Starts the cluster; on failure everything already started is stopped again before the exception leaves, and so
     * it is if the JVM is told to stop (Ctrl-C, SIGTERM) while the cluster starts.
     */
    public static ReferenceClusterTarget start(ReferenceClusterConfig config) {
        return TargetStartup.guarded(() -> new ReferenceClusterTarget(config), t -> t::startComponents,
                "the reference cluster");
    }

    private void startComponents() {
        String host = ReferenceClusterConfig.HOST;
        linkFaults = TargetStartup.faultProxy(host, config.faultProxy(), started, components);
        faultProxyPort = components.get(FAULT_PROXY).address().getPort();
        List<ComponentDescription> nodes = storeNodes(host);
        List<Component> backends = new ArrayList<>();
        for (Component node : startAll(nodes, Component.Kind.STORE)) {
            Component withMetrics = node.withMetrics(node.url().resolve("/metrics"));
            components.put(node.name(), withMetrics);
            backends.add(withMetrics);
        }
        Link front = BalancerFront.start(host, backends, config.balancer(), config.backendTimeout(), this::addLink,
                this::startAll, components);
        serviceUri = URI.create("http://" + host + ":" + front.listen().getPort());
    }

    /**
     * The store nodes' descriptions, and a link for each ordered pair of nodes: node {@code a} reaches peer {@code b}
     * through link {@code a->b}, so a partition between nodes is a property of the network. The nodes' ports are
     * picked before they start, because each node must know its peers' link addresses when it starts, and a node
     * restarted after a crash comes back on the same port, behind the same links.
     */
    private List<ComponentDescription> storeNodes(String host) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= config.storeNodes(); i++) {
            names.add("n" + i);
        }
        Map<String, Integer> ports = FreePorts.pick(host, names);
        List<ComponentDescription> nodes = new ArrayList<>();
        for (String name : names) {
            List<Peer> peers = new ArrayList<>();
            for (String peer : names) {
                if (!peer.equals(name)) {
                    Link link = addLink(name, peer, new InetSocketAddress(host, ports.get(peer)));
                    peers.add(new Peer(peer, host, link.listen().getPort()));
                }
            }
            Path dataDir = fresh(createdWorkDir().resolve(name).resolve("data"));
            nodes.add(new ComponentDescription(ComponentKind.STORE,
                    config.store().node(name, host, ports.get(name), peers, dataDir)));
        }
        return nodes;
    }

    /** An empty directory: a run starts its store from nothing, whatever an earlier run left there. */
    private static Path fresh(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (var paths = Files.walk(dir)) {
                    for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new TargetStartException("cannot prepare the data directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Starts components in parallel (in-jvm: one after another, each takes milliseconds) and records them. */
    private List<Component> startAll(List<ComponentDescription> descriptions, Component.Kind kind) {
        List<Component> up = new ArrayList<>();
        if (config.isolation() == ReferenceClusterConfig.Isolation.PROCESS) {
            for (ComponentProcess process : ComponentProcesses.startAll(descriptions, createdWorkDir(),
                    ComponentProcess.START_TIMEOUT)) {
                started.push(process);
                up.add(new Component(process.name(), kind, process.address(), Optional.of(process)));
            }
        } else {
            for (ComponentDescription description : descriptions) {
                StartedComponent component = started.push(description.start());
                up.add(Component.inJvm(component.name(), kind, component.address()));
            }
        }
        up.forEach(component -> components.put(component.name(), component));
        return up;
    }

    private Path createdWorkDir() {
        if (workDir == null) {
            try {
                workDir = config.workDir() != null ? Files.createDirectories(config.workDir().toAbsolutePath())
                        : Files.createTempDirectory("faultline-cluster-");
            } catch (IOException e) {
                throw new TargetStartException("cannot create the cluster's work directory "
                        + (config.workDir() == null ? "in " + System.getProperty("java.io.tmpdir") : config.workDir())
                        + ": " + e.getMessage(), e);
            }
        }
        return workDir;
    }

    private Link addLink(String from, String to, InetSocketAddress upstream) {
        Link link = linkFaults.createLink(from, to, upstream);
        links.put(link.name(), link);
        return link;
    }

    @Override
    public String description() {
        return "reference cluster: " + config.storeNodes() + " store node" + (config.storeNodes() == 1 ? "" : "s")
                + " behind lb" + (config.balancer().standby() ? " with standby lb2" : "") + " (" + (config.isolation() == ReferenceClusterConfig.Isolation.PROCESS
                        ? "one process each, in " + workDir : "in-jvm")
                + (config.faultProxy() == null ? "" : ", fault proxy " + config.faultProxy()) + ")";
    }

    @Override
    public URI serviceUri() {
        return serviceUri;
    }

    @Override
    public Map<String, Link> links() {
        return Collections.unmodifiableMap(links);
    }

    @Override
    public Map<String, Component> components() {
        return Collections.unmodifiableMap(components);
    }

    /** The port of the Toxiproxy-compatible API of the cluster's fault proxy, on 127.0.0.1. */
    public int faultProxyPort() {
        return faultProxyPort;
    }

    /** With process isolation, the directory holding one folder per component (data, description, logs). */
    public Optional<Path> workDir() {
        return Optional.ofNullable(workDir);
    }

    @Override
    public LinkFaults linkFaults() {
        return linkFaults;
    }

    @Override
    public void close() {
        if (linkFaults != null) {
            linkFaults.healAll();
        }
        started.closeAll();
    }
}
