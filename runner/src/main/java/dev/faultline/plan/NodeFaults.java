package dev.faultline.plan;

/** What the faults on one component ({@code crash}, {@code pause}, {@code clock-skew}) have in common. */
final class NodeFaults {
    private NodeFaults() {
    }

    static void requireNode(String node, String kind) {
        if (node == null || node.isBlank()) {
            throw new IllegalArgumentException(kind + " needs a 'node': the component it acts on, e.g. n1 or lb");
        }
    }
}
