package dev.faultline.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A user's service in a container, started by the run from a local image (never pulled) with Testcontainers and
 * removed at its end. Its ports are published on 127.0.0.1; the load reaches the first through the fault proxy over
 * the link {@code client-><name>}.
 *
 * @param name         the component's name (default {@code app})
 * @param image        a local image, e.g. {@code local/jre17:slim}
 * @param ports        container ports; the first is the service's
 * @param env          the container's environment
 * @param command      the command to run instead of the image's
 * @param files        host files or folders (relative to the runner's working directory) copied into the container,
 *                     by absolute container path
 * @param waitFor      {@code wait}: a path on the first port polled until it answers 2xx ({@code /health}); absent: until the port
 *                     accepts connections inside the container
 * @param readyTimeout how long the container may take to be ready (default 60s)
 */
public record ContainerTargetSpec(String name, String image, List<Integer> ports, Map<String, String> env,
        List<String> command, Map<String, String> files, @JsonProperty("wait") String waitFor, Duration readyTimeout) {

    public ContainerTargetSpec {
        name = CommandTargetSpec.componentName(name);
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("a container target needs an 'image' that is on the Docker engine, "
                    + "e.g. local/jre17:slim");
        }
        if (ports == null || ports.isEmpty()) {
            throw new IllegalArgumentException("'ports' needs the container port the service listens on, e.g. [8080]");
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
        env = env == null ? Map.of() : Map.copyOf(env);
        command = command == null ? List.of() : List.copyOf(command);
        files = files == null ? Map.of() : Map.copyOf(files);
        for (String containerPath : files.keySet()) {
            if (!containerPath.startsWith("/")) {
                throw new IllegalArgumentException("files: '" + containerPath + "' must be an absolute path in the container");
            }
        }
        if (waitFor != null && !waitFor.startsWith("/")) {
            throw new IllegalArgumentException("wait must be a path on the first port, e.g. /health, not '" + waitFor + "'");
        }
        readyTimeout = readyTimeout == null ? Duration.ofSeconds(60) : readyTimeout;
        if (readyTimeout.isZero()) {
            throw new IllegalArgumentException("ready-timeout must be more than 0");
        }
    }
}
