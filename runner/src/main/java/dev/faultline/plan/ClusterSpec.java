package dev.faultline.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled reference cluster: store nodes {@code n1..nN} behind the balancer {@code lb}.
 *
 * @param breaker the balancer's circuit breaker per store node; absent: none
 * @param limiter the balancer's per-client rate limit; absent: none
 */
public record ClusterSpec(Isolation isolation, StoreSpec store, BalancerSpec balancer, BreakerSpec breaker,
        LimiterSpec limiter) {

    /** Where the cluster's components run. */
    public enum Isolation {
        /** Every component inside the runner's JVM: fast, for tests. */
        @JsonProperty("in-jvm") IN_JVM,
        /** Every component its own OS process, so a crash is a real kill -9 (the default). */
        @JsonProperty("process") PROCESS
    }

    public ClusterSpec {
        isolation = isolation == null ? Isolation.PROCESS : isolation;
        store = store == null ? StoreSpec.DEFAULTS : store;
        balancer = balancer == null ? BalancerSpec.DEFAULTS : balancer;
        if (balancer.layer() == 4 && limiter != null && !limiter.key().equals("ip")) {
            throw new IllegalArgumentException("at layer 4 the balancer sees no headers or cookies: limiter.key must be "
                    + "\"ip\", not \"" + limiter.key() + "\"");
        }
    }

    /** A cluster without breakers or limits. */
    public ClusterSpec(Isolation isolation, StoreSpec store, BalancerSpec balancer) {
        this(isolation, store, balancer, null, null);
    }

    /** The balancer's component name. */
    public static final String BALANCER = "lb";
    /** The standby balancer's component name (with {@code balancer.standby}). */
    public static final String STANDBY_BALANCER = "lb2";
    /** The load generator's side of a link. */
    public static final String CLIENT = "client";

    /** The names of the store nodes, {@code n1..nN}. */
    public List<String> storeNodes() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= store.nodes(); i++) {
            names.add("n" + i);
        }
        return names;
    }

    /** The balancers: {@code lb}, and {@code lb2} with {@code balancer.standby}. */
    public List<String> balancers() {
        return balancer.standby() ? List.of(BALANCER, STANDBY_BALANCER) : List.of(BALANCER);
    }

    /** Every component that faults may name: the store nodes and the balancers. */
    public List<String> components() {
        List<String> names = new ArrayList<>(storeNodes());
        names.addAll(balancers());
        return names;
    }

    /**
     * Every link (connections from one side to another through the fault proxy), named {@code from->to}: the load
     * generator's {@code client->lb} (to the service port, which the standby {@code lb2} takes over when {@code lb}
     * dies), each balancer's {@code lb->nI} (and {@code lb2->nI}), and one per ordered pair of store nodes.
     */
    public List<String> links() {
        List<String> links = new ArrayList<>();
        links.add(CLIENT + "->" + BALANCER);
        for (String balancerName : balancers()) {
            for (String node : storeNodes()) {
                links.add(balancerName + "->" + node);
            }
        }
        for (String from : storeNodes()) {
            for (String to : storeNodes()) {
                if (!from.equals(to)) {
                    links.add(from + "->" + to);
                }
            }
        }
        return links;
    }
}
