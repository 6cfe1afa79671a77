package dev.faultline.cluster.balancer;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * Starts one balancer for bench/balancer.sh (not a test): {@code BalancerBenchMain LAYER PORT BACKEND_PORT}, in
 * front of one backend on 127.0.0.1, round-robin, no health checks, breakers or limits. Runs until killed.
 */
public final class BalancerBenchMain {
    private BalancerBenchMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: BalancerBenchMain LAYER(7|4) PORT BACKEND_PORT");
            System.exit(2);
        }
        int layer = Integer.parseInt(args[0]);
        BalancerConfig config = new BalancerConfig("lb", "127.0.0.1", Integer.parseInt(args[1]),
                List.of(new Backend("backend", new InetSocketAddress("127.0.0.1", Integer.parseInt(args[2])))),
                Duration.ofSeconds(10), 0, BalancerSettings.DEFAULTS.withLayer(layer));
        Balancer balancer = Balancer.start(config);
        System.out.println("listening on " + balancer.address() + ", metrics on " + balancer.metricsAddress());
        Thread.currentThread().join();
    }
}
