package dev.faultline.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/** The bundled reference cluster: store nodes {@code n1..nN} behind the balancer {@code lb}. */
public record ClusterSpec(Isolation isolation, StoreSpec store, BalancerSpec balancer) {

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
    }

    /** The balancer's component name. */
    public static final String BALANCER = "lb";
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

    /** Every component that faults may name: the store nodes and the balancer. */
    public List<String> components() {
        List<String> names = new ArrayList<>(storeNodes());
        names.add(BALANCER);
        return names;
    }

    /**
     * Every link (connections from one side to another through the fault proxy), named {@code from->to}: the load
     * generator's {@code client->lb}, the balancer's {@code lb->nI}, and one per ordered pair of store nodes.
     */
    public List<String> links() {
        List<String> links = new ArrayList<>();
        links.add(CLIENT + "->" + BALANCER);
        for (String node : storeNodes()) {
            links.add(BALANCER + "->" + node);
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
