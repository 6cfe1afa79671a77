package dev.faultline.targets;

import dev.faultline.faults.network.LinkFaults;
import dev.faultline.faults.proxy.FaultProxyServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;

/** What every target does while it starts: stop what it started if the start fails, and set up its fault proxy. */
final class TargetStartup {
    private TargetStartup() {
    }

    /**
     * Starts a new target from {@code fresh} with {@link #guarded(Target, Runnable, String)}; when a component could
     * not bind a port that was picked while free (another process took it meanwhile: "Address already in use"), starts
     * a new one once more, with ports picked again. Every kind of target picks its ports this way, so each starts here.
     */
    static <T extends Target> T guarded(java.util.function.Supplier<T> fresh,
            java.util.function.Function<T, Runnable> startAll, String what) {
        try {
            T target = fresh.get();
            return guarded(target, startAll.apply(target), what);
        } catch (TargetStartException e) {
            if (!portTaken(e)) {
                throw e;
            }
            T target = fresh.get();
            return guarded(target, startAll.apply(target), what);
        }
    }

    private static boolean portTaken(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs {@code startAll} and returns {@code target}; on failure everything already started is stopped (the target
     * closed) before the exception leaves, and so it is if the JVM is told to stop (Ctrl-C, SIGTERM) meanwhile.
     *
     * @param what names the target in the message of an unexpected failure, e.g. {@code the reference cluster}
     */
    private static <T extends Target> T guarded(T target, Runnable startAll, String what) {
        Thread interrupted = new Thread(target::close, "faultline-target-start");
        Runtime.getRuntime().addShutdownHook(interrupted);
        try {
            startAll.run();
            return target;
        } catch (RuntimeException e) {
            target.close();
            throw e instanceof TargetStartException ? e
                    : new TargetStartException(what + " did not start: " + e.getMessage(), e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(interrupted);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it stops what was started
            }
        }
    }

    /**
     * The fault proxy a target's links go through: a Toxiproxy-compatible server started in this JVM on {@code host},
     * or the one at {@code external} when given. It is registered as the component {@code fault-proxy}, and the
     * target's links are deleted from it when {@code started} closes.
     */
    static LinkFaults faultProxy(String host, URI external, CloseStack started, Map<String, Component> components) {
        LinkFaults linkFaults;
        InetSocketAddress address;
        if (external == null) {
            FaultProxyServer proxy = started.push(FaultProxyServer.start(host, 0));
            linkFaults = new LinkFaults(proxy.apiHost(), proxy.apiPort());
            address = new InetSocketAddress(host, proxy.apiPort());
        } else {
            linkFaults = ExternalFaultProxy.linkFaults(external);
            address = new InetSocketAddress(external.getHost(), external.getPort());
        }
        components.put(ReferenceClusterTarget.FAULT_PROXY,
                Component.inJvm(ReferenceClusterTarget.FAULT_PROXY, Component.Kind.FAULT_PROXY, address));
        started.push(linkFaults::deleteLinks);
        return linkFaults;
    }
}
