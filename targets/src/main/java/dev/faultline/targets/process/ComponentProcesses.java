package dev.faultline.targets.process;

import dev.faultline.cluster.launch.ComponentDescription;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Starts several component processes in parallel: all are launched first, then each is awaited. */
public final class ComponentProcesses {
    private ComponentProcesses() {
    }

    /**
     * Starts every component, each in {@code workDir/<name>/}, and returns them once all listen, in the given order.
     *
     * @throws ComponentStartException for the first that failed (naming it and quoting its log); every process of the
     *                                 call is stopped before it is thrown
     */
    public static List<ComponentProcess> startAll(List<ComponentDescription> descriptions, Path workDir,
            Duration startTimeout) {
        List<ComponentProcess> launched = new ArrayList<>();
        try {
            for (ComponentDescription description : descriptions) {
                launched.add(ComponentProcess.launch(description, workDir, startTimeout));
            }
            for (ComponentProcess component : launched) {
                component.awaitReady();
            }
            return launched;
        } catch (RuntimeException e) {
            for (ComponentProcess component : launched) {
                try {
                    component.kill();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }
}
