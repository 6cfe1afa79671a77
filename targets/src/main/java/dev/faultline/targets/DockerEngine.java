package dev.faultline.targets;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;

/**
 * The Docker engine, as Testcontainers finds it: whether one is reachable, and whether an image is on it. Both are
 * quick when there is no engine at all (no {@code DOCKER_HOST} and no {@code /var/run/docker.sock}), so callers can
 * decide, e.g. skip a test, without waiting on Testcontainers' discovery.
 */
public final class DockerEngine {
    private static final Path DEFAULT_SOCKET = Path.of("/var/run/docker.sock");

    private DockerEngine() {
    }

    /** Why no Docker engine can be used from here, or empty when one answers. */
    public static Optional<String> unavailableReason() {
        if (System.getenv("DOCKER_HOST") == null && !Files.exists(DEFAULT_SOCKET)) {
            return Optional.of("no Docker engine: DOCKER_HOST is not set and " + DEFAULT_SOCKET + " does not exist "
                    + "(start dockerd, e.g. with .ci/setup-docker.sh)");
        }
        try {
            if (DockerClientFactory.instance().isDockerAvailable()) {
                return Optional.empty();
            }
            return Optional.of("Testcontainers found no working Docker engine (is dockerd running? see docs/targets.md)");
        } catch (RuntimeException e) {
            return Optional.of("Testcontainers cannot use the Docker engine: " + e.getMessage());
        }
    }

    /** Why {@code image} cannot be run from here (no engine, or the image is not on it), or empty when it can. */
    public static Optional<String> unavailableReason(String image) {
        Optional<String> engine = unavailableReason();
        if (engine.isPresent() || hasImage(image)) {
            return engine;
        }
        return Optional.of("image " + image + " is not on the Docker engine (build it with .ci/setup-docker.sh)");
    }

    /** True when {@code image} is on the engine (it is never pulled). */
    public static boolean hasImage(String image) {
        try {
            client().inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    static DockerClient client() {
        return DockerClientFactory.instance().client();
    }
}
