package dev.faultline.targets;

import dev.faultline.cluster.launch.ComponentDescription;
import dev.faultline.faults.network.HealCheck;
import dev.faultline.faults.network.Link;
import dev.faultline.faults.network.LinkFaults;
import dev.faultline.targets.process.CommandProcess;
import dev.faultline.targets.process.ComponentProcess;
import dev.faultline.targets.process.ComponentProcesses;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user's own service started as {@link CommandTargetConfig#nodes()} instances {@code <name>1..<name>N}, each a
 * process the run owns on a port of its own, behind the bundled balancer {@code lb} (its own process, as in the
 * reference cluster; see {@link BalancerFront}). Every hop passes through the fault proxy: the load reaches {@code lb}
 * over {@code client->lb}, {@code lb} reaches instance {@code <name>I} over {@code lb-><name>I}, and, when the command
 * asks for {@code ${peers}}, instance {@code I} reaches instance {@code J} over {@code <name>I-><name>J}. Each instance
 * keeps its stdout and stderr in {@code <workDir>/<name>I/}, the balancer its log in {@code <workDir>/lb/}. Closing it
 * stops the balancer, then every instance's process tree, then the fault proxy.
 */
public final class CommandNodesTarget implements Target {
    private static final String HOST = ServiceTarget.HOST;

    private final CommandTargetConfig config;
    private final CloseStack started = new CloseStack();
    private final Map<String, Link> links = new LinkedHashMap<>();
    private final Map<String, Component> components = new LinkedHashMap<>();
    private final Map<String, CommandProcess> processes = new LinkedHashMap<>();
    private LinkFaults linkFaults;
    private URI serviceUri;
    private Path workDir;

    private CommandNodesTarget(CommandTargetConfig config) {
        this.config = config;
    }

    /**
     * Starts the fault proxy, every instance (in parallel), and once all are ready the balancer in front of them.
     *
     * @throws IllegalArgumentException when the config has one node: {@link CommandTarget#start} starts that
     * @throws TargetStartException     when an instance cannot start or is not ready in time, or the balancer does not
     *                                  start (everything started is stopped first); the message names the instance and
     *                                  quotes the end of its output
     */
    public static CommandNodesTarget start(CommandTargetConfig config) {
        if (config.nodes() < 2) {
            throw new IllegalArgumentException("a command target of one node is started by CommandTarget.start");
        }
        return TargetStartup.guarded(() -> new CommandNodesTarget(config), t -> t::startAll,
                "the command target " + config.name() + " (" + config.nodes() + " nodes)");
    }

    private void startAll() {
        linkFaults = TargetStartup.faultProxy(HOST, config.faultProxy(), started, components);
        List<String> names = config.instanceNames();
        Map<String, Integer> ports = FreePorts.pick(HOST, names);
        workDir = CommandInstances.workDir(config);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            CommandTargetConfig.Instance instance = new CommandTargetConfig.Instance(name, i + 1, ports.get(name),
                    config.usesPeers() ? peers(name, names, ports) : List.of());
            processes.put(name, started.push(CommandInstances.launch(config, instance, workDir)));
        }
        List<Component> instances = new ArrayList<>();
        for (CommandProcess process : processes.values()) {
            CommandInstances.awaitReady(process);
            Component instance = CommandInstances.component(process, ports.get(process.name()));
            components.put(instance.name(), instance);
            instances.add(instance);
        }
        Link front = BalancerFront.start(HOST, instances, config.balancer(), null, this::addLink, this::startProcesses,
                components);
        serviceUri = URI.create("http://" + HOST + ":" + front.listen().getPort());
    }

    /** The addresses at which {@code name} reaches each other instance: its links {@code name->other}. */
    private List<InetSocketAddress> peers(String name, List<String> names, Map<String, Integer> ports) {
        List<InetSocketAddress> peers = new ArrayList<>();
        for (String peer : names) {
            if (!peer.equals(name)) {
                peers.add(addLink(name, peer, new InetSocketAddress(HOST, ports.get(peer))).listen());
            }
        }
        return peers;
    }

    /** Starts the balancer's processes, each in {@code <workDir>/<name>/}. */
    private List<Component> startProcesses(List<ComponentDescription> descriptions, Component.Kind kind) {
        List<Component> up = new ArrayList<>();
        for (ComponentProcess process : ComponentProcesses.startAll(descriptions, workDir,
                ComponentProcess.START_TIMEOUT)) {
            started.push(process);
            Component component = new Component(process.name(), kind, process.address(), Optional.of(process));
            components.put(component.name(), component);
            up.add(component);
        }
        return up;
    }

    private Link addLink(String from, String to, InetSocketAddress upstream) {
        Link link = linkFaults.createLink(from, to, upstream);
        links.put(link.name(), link);
        return link;
    }

    @Override
    public String description() {
        return "command " + config.name() + " x" + config.nodes() + " behind lb: " + String.join(" ", config.command())
                + (workDir == null ? "" : " (output in " + workDir + ")");
    }

    @Override
    public URI serviceUri() {
        return serviceUri;
    }

    @Override
    public Map<String, Link> links() {
        return Collections.unmodifiableMap(links);
    }

    /** The instances, the balancer ({@code lb}, and {@code lb2} with a standby) and the fault proxy. */
    @Override
    public Map<String, Component> components() {
        return Collections.unmodifiableMap(components);
    }

    /** Each instance's process by name ({@code <name>1..<name>N}), in node order. */
    public Map<String, CommandProcess> processes() {
        return Collections.unmodifiableMap(processes);
    }

    @Override
    public LinkFaults linkFaults() {
        return linkFaults;
    }

    /** The links (no toxic, none disabled) and the processes (running, not paused). */
    @Override
    public HealCheck verifyHealed() {
        HealCheck linksHealed = linkFaults.verifyHealed();
        List<String> leftovers = new ArrayList<>(linksHealed.leftovers());
        List<String> processLeftovers = ComponentsHealed.leftovers(components.values());
        leftovers.addAll(processLeftovers);
        return new HealCheck(linksHealed.verified() && processLeftovers.isEmpty(), leftovers);
    }

    @Override
    public void close() {
        if (linkFaults != null) {
            linkFaults.healAll();
        }
        started.closeAll();
    }
}
