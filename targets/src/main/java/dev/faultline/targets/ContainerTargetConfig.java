package dev.faultline.targets;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A user's service in a container, started from a local image with Testcontainers. The image must already be on the
 * Docker engine: it is never pulled (machines without a registry would wait minutes for a pull to fail).
 *
 * @param name         the component's name in links and faults, e.g. {@code app} (link {@code client->app})
 * @param image        a local image, e.g. {@code local/jre17:slim}
 * @param ports        the container ports to publish on 127.0.0.1; the first is the service's, which the load reaches
 *                     through the fault proxy; not empty
 * @param environment  the container's environment
 * @param command      the command to run, or empty for the image's own
 * @param files        host files or folders copied into the container before it starts, by container path
 * @param ready        a path ({@code /health}) on the first port that answers 2xx once the service is ready; null:
 *                     ready when the first port accepts connections inside the container
 * @param readyTimeout how long the container may take to be ready
 * @param workDir      where the component's folder ({@code <workDir>/<name>/}, its log) goes; null: a temporary one
 * @param faultProxy   a Toxiproxy-compatible API to carry the link, or null to start a fault proxy in this JVM
 */
public record ContainerTargetConfig(String name, String image, List<Integer> ports, Map<String, String> environment,
        List<String> command, Map<String, Path> files, String ready, Duration readyTimeout, Path workDir,
        URI faultProxy) {
    /** The default {@link #readyTimeout()}. */
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern COMPONENT_NAME = Pattern.compile("[a-z][a-z0-9_-]*");

    public ContainerTargetConfig {
        if (name == null || !COMPONENT_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: '" + name + "' must be lower-case letters, digits, '_' or '-', "
                    + "starting with a letter (it names the component and its link client->" + name + ")");
        }
        if (name.equals("client") || name.equals(ReferenceClusterTarget.FAULT_PROXY)) {
            throw new IllegalArgumentException("name: '" + name + "' is taken (client and fault-proxy are built in)");
        }
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("image: give a local image, e.g. local/jre17:slim");
        }
        if (ports == null || ports.isEmpty()) {
            throw new IllegalArgumentException("ports: give the container port the service listens on, e.g. [8080]");
        }
        ports = List.copyOf(ports);
        for (int port : ports) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("ports: " + port + " is not a TCP port (1..65535)");
            }
        }
        if (ports.stream().distinct().count() != ports.size()) {
            throw new IllegalArgumentException("ports: " + ports + " lists a port twice");
        }
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        command = command == null ? List.of() : List.copyOf(command);
        files = files == null ? Map.of() : Map.copyOf(files);
        for (String containerPath : files.keySet()) {
            if (!containerPath.startsWith("/")) {
                throw new IllegalArgumentException("files: '" + containerPath + "' must be an absolute container path");
            }
        }
        if (ready != null && !ready.startsWith("/")) {
            throw new IllegalArgumentException("ready: '" + ready + "' must be a path on the first port, e.g. /health");
        }
        readyTimeout = readyTimeout == null ? DEFAULT_READY_TIMEOUT : readyTimeout;
        if (readyTimeout.isNegative() || readyTimeout.isZero()) {
            throw new IllegalArgumentException("ready-timeout must be positive");
        }
    }

    /** The service's port in the container: the first of {@link #ports()}. */
    public int servicePort() {
        return ports.get(0);
    }
}
