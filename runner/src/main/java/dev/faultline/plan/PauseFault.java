package dev.faultline.plan;

/**
 * Stops the process of component {@code node} with SIGSTOP: it keeps its sockets, so connections to it are accepted
 * by the kernel but nothing is answered, until SIGCONT when the fault's time ends; then the requests queued meanwhile
 * are answered.
 */
public record PauseFault(String node) {
    public PauseFault {
        NodeFaults.requireNode(node, "pause");
    }
}
