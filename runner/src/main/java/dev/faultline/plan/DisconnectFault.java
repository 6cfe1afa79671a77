package dev.faultline.plan;

/**
 * Disconnects the container of component {@code node} (a {@code target.container}) from every Docker network it is
 * on, through the Docker API: nothing reaches it, not even through its published ports, and it reaches nothing,
 * until it is connected again when the fault's time ends. Unlike a partition on the fault proxy's links, this also
 * cuts whatever the container talks to directly.
 */
public record DisconnectFault(String node) {
    public DisconnectFault {
        NodeFaults.requireNode(node, "disconnect");
    }
}
