package dev.faultline.junit;

import dev.faultline.faults.network.HealCheck;
import dev.faultline.plan.Plan;
import dev.faultline.target.TargetLauncher;
import dev.faultline.targets.DockerEngine;
import dev.faultline.targets.Target;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * What the extension started for one test method: its target, the faults on it and the loads driven against it.
 * {@link #finish()} (after the test, whatever its outcome) stops the loads, heals every fault and looks at whether the
 * target is back to normal; {@link #close()} (when JUnit closes the method's store) also stops the target.
 */
@SuppressWarnings("deprecation") // CloseableResource: closed by every JUnit 5 version; AutoCloseable: by 5.13 and later
final class TestSession implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    private final String name;
    private final Path reportRoot;
    private final List<LoadRun> runs = new ArrayList<>();
    private RunningTarget target;
    private Faults faults;
    private boolean closed;

    TestSession(String name, Path reportRoot) {
        this.name = name;
        this.reportRoot = reportRoot;
    }

    String name() {
        return name;
    }

    Path reportRoot() {
        return reportRoot;
    }

    synchronized RunningTarget start(Plan plan) {
        if (target != null) {
            throw new org.junit.platform.commons.PreconditionViolationException("a test gets one target; "
                    + name + " asks for a second (" + plan.target() + ")");
        }
        if (plan.target().container() != null) {
            Optional<String> noDocker = DockerEngine.unavailableReason();
            if (noDocker.isPresent()) {
                throw new TestAbortedException("no Docker engine for the container target: " + noDocker.get());
            }
        }
        Target started = TargetLauncher.start(plan.target(), reportRoot.resolve("target"));
        target = new RunningTarget(started, plan.target());
        faults = new Faults(target);
        return target;
    }

    synchronized Optional<RunningTarget> target() {
        return Optional.ofNullable(target);
    }

    synchronized Faults faults() {
        return faults;
    }

    synchronized LoadRun register(LoadRun run) {
        runs.add(run);
        return run;
    }

    synchronized int runsSoFar() {
        return runs.size();
    }

    /**
     * Stops every load still running and heals every fault still in place; then what the fault layer finds on the
     * target (empty when there is no target).
     */
    synchronized Optional<HealCheck> finish() {
        runs.forEach(LoadRun::close);
        if (target == null) {
            return Optional.empty();
        }
        faults.healAll();
        return Optional.of(target.target().verifyHealed());
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            runs.forEach(LoadRun::close);
            if (faults != null) {
                faults.healAll();
            }
        } finally {
            if (target != null) {
                target.target().close();
            }
        }
    }
}
