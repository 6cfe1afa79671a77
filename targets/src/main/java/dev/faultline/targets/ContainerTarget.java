package dev.faultline.targets;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.containers.wait.strategy.WaitStrategy;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * A user's service in a container ({@link ContainerTargetConfig}), started with Testcontainers from a local image.
 * Its ports are published on fixed 127.0.0.1 ports (they survive a restart), and the load reaches the first one
 * through the fault proxy over the link {@code client-><name>}, so link faults apply. Crash, pause and restart act on
 * the container through the Docker API ({@link Component#processControl()}). Closing it writes the container's output
 * to {@code <workDir>/<name>/<name>.log} and removes the container.
 *
 * <p>On machines without a registry, Testcontainers needs three environment variables; see docs/targets.md.
 */
public final class ContainerTarget extends ServiceTarget {
    /** The label on every container a container target starts, to find leftovers of a killed run. */
    public static final String LABEL = "dev.faultline.target";

    private final ContainerTargetConfig config;
    private GenericContainer<?> container;
    private ContainerControl control;
    private Path dir;

    private ContainerTarget(ContainerTargetConfig config) {
        super(config.faultProxy());
        this.config = config;
    }

    /**
     * Starts the fault proxy and the container, and returns once the service is ready.
     *
     * @throws TargetStartException when no Docker engine answers, the image is not on it, or the container is not
     *                              ready in time (everything started is stopped first)
     */
    public static ContainerTarget start(ContainerTargetConfig config) {
        return TargetStartup.guarded(() -> new ContainerTarget(config), t -> t::startAll,
                "the container target " + config.name());
    }

    @Override
    void startService() {
        Optional<String> unavailable = DockerEngine.unavailableReason();
        if (unavailable.isPresent()) {
            throw new TargetStartException(unavailable.get(), null);
        }
        if (!DockerEngine.hasImage(config.image())) {
            throw new TargetStartException("image " + config.image() + " is not on the Docker engine, and images are "
                    + "never pulled: build or load it first (docker images lists what is there)", null);
        }
        dir = componentDir();
        List<String> portNames = new ArrayList<>();
        config.ports().forEach(port -> portNames.add(Integer.toString(port)));
        Map<String, Integer> hostPorts = FreePorts.pick(HOST, portNames);
        container = newContainer(hostPorts);
        started.push(this::stopContainer);
        try {
            container.start();
        } catch (RuntimeException e) {
            throw new TargetStartException("container " + config.name() + " (" + config.image() + ") did not start: "
                    + rootMessage(e) + "; its output: " + tail(logs()), e);
        }
        InetSocketAddress address = new InetSocketAddress(HOST, hostPorts.get(Integer.toString(config.servicePort())));
        control = new ContainerControl(DockerEngine.client(), container.getContainerId(), config.name(), dir,
                () -> waitStrategy().waitUntilReady(container));
        linkTo(new Component(config.name(), Component.Kind.SERVICE, address, Optional.of(control)));
    }

    private GenericContainer<?> newContainer(Map<String, Integer> hostPorts) {
        GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(config.image()))
                .withImagePullPolicy(image -> false)
                .withLabel(LABEL, config.name())
                .withEnv(config.environment())
                .withExposedPorts(config.ports().toArray(Integer[]::new))
                .withCreateContainerCmdModifier(create -> {
                    Ports bindings = new Ports();
                    hostPorts.forEach((port, hostPort) -> bindings.bind(ExposedPort.tcp(Integer.parseInt(port)),
                            Ports.Binding.bindIpAndPort(HOST, hostPort)));
                    create.getHostConfig().withPortBindings(bindings);
                });
        if (!config.command().isEmpty()) {
            c.withCommand(config.command().toArray(String[]::new));
        }
        config.files().forEach((containerPath, hostPath) ->
                c.withCopyFileToContainer(MountableFile.forHostPath(hostPath), containerPath));
        c.waitingFor(waitStrategy());
        return c;
    }

    /**
     * Ready: {@code ready} answers 2xx on the first port, or that port listens inside the container (checked inside it:
     * Docker's port proxy accepts connections on the host even when nothing listens in the container).
     */
    private WaitStrategy waitStrategy() {
        return (config.ready() == null ? Wait.forListeningPort()
                : Wait.forHttp(config.ready()).forPort(config.servicePort()).forStatusCodeMatching(s -> s / 100 == 2))
                .withStartupTimeout(config.readyTimeout());
    }

    private Path componentDir() {
        try {
            Path work = config.workDir() != null ? config.workDir().toAbsolutePath()
                    : Files.createTempDirectory("faultline-container-");
            return Files.createDirectories(work.resolve(config.name()));
        } catch (IOException e) {
            throw new TargetStartException("cannot create the folder for " + config.name() + "'s log: " + e.getMessage(), e);
        }
    }

    /** Keeps the container's output, then removes the container. */
    private void stopContainer() throws IOException {
        if (container.getContainerId() != null) {
            Files.writeString(control != null ? control.log() : dir.resolve(config.name() + ".log"), logs(),
                    StandardCharsets.UTF_8);
        }
        container.stop();
    }

    private String logs() {
        try {
            return container.getContainerId() == null ? "" : container.getLogs();
        } catch (RuntimeException e) {
            return "(cannot read the container's output: " + e.getMessage() + ")";
        }
    }

    private static String tail(String text) {
        String[] lines = text.strip().split("\n");
        List<String> last = List.of(lines).subList(Math.max(0, lines.length - 15), lines.length);
        return text.isBlank() ? "(none)" : "\n  " + String.join("\n  ", last);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
    }

    @Override
    public String description() {
        return "container " + config.name() + " (" + config.image()
                + (container == null || container.getContainerId() == null ? ""
                        : ", " + container.getContainerId().substring(0, 12)) + ")";
    }

    /** Cuts the container off its networks: nothing reaches it, not even its published ports, until {@link #reconnect()}. */
    public void disconnect() {
        control.disconnect();
    }

    /** Connects the container again after {@link #disconnect()}. */
    public void reconnect() {
        control.reconnect();
    }

    /** The links, the container's process state, and whether it is still off a network it was on. */
    @Override
    public dev.faultline.faults.network.HealCheck verifyHealed() {
        List<String> networks = control == null ? List.of() : control.disconnectedNetworks();
        return ComponentsHealed.withLinks(linkFaults().verifyHealed(), components().values(), networks.isEmpty()
                ? List.of() : List.of(config.name() + ": disconnected from network(s) " + networks));
    }

    /** The container's id. */
    public String containerId() {
        return container.getContainerId();
    }
}
