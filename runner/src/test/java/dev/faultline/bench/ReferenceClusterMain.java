package dev.faultline.bench;

import dev.faultline.targets.ReferenceClusterConfig;
import dev.faultline.targets.ReferenceClusterTarget;

/**
 * Benchmark helper, not a test: starts the in-JVM reference cluster with N store nodes (argument, default 1), prints
 * its service URI (the balancer, through the fault proxy's client->lb link) and runs until killed, so a benchmark can
 * drive it from another process with wrk and with faultline alike. See bench/load-generator.sh.
 */
public final class ReferenceClusterMain {
    private ReferenceClusterMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        ReferenceClusterTarget cluster = ReferenceClusterTarget.start(new ReferenceClusterConfig(nodes, null));
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
        System.out.println(cluster.serviceUri());
        System.out.flush();
        Thread.currentThread().join();
    }
}
