package dev.faultline.cluster.balancer;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** Backend states for unit tests: n1..nN at made-up ports, without breakers. */
final class TestBackends {
    private TestBackends() {
    }

    static List<BackendState> named(int count) {
        List<BackendState> states = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            states.add(new BackendState(new Backend("n" + i, new InetSocketAddress("127.0.0.1", i)), null));
        }
        return states;
    }
}
