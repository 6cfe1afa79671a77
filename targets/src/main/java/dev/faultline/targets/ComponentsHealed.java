package dev.faultline.targets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * After a run: whether the target's components are back to normal. A component that is its own process must be
 * running and not stopped by SIGSTOP; a store node's clock must have no skew. Each departure is one leftover, e.g.
 * {@code "n1: process 4242 is paused (SIGSTOP)"}.
 */
public final class ComponentsHealed {
    private ComponentsHealed() {
    }

    /**
     * What the links' check found, plus the leftovers among {@code components} and {@code more} (what a target
     * knows of itself, e.g. a container still off its networks): verified only when all three are empty.
     */
    public static dev.faultline.faults.network.HealCheck withLinks(dev.faultline.faults.network.HealCheck links,
            Collection<Component> components, List<String> more) {
        List<String> leftovers = new ArrayList<>(links.leftovers());
        List<String> ofComponents = leftovers(components);
        leftovers.addAll(ofComponents);
        leftovers.addAll(more);
        return new dev.faultline.faults.network.HealCheck(links.verified() && ofComponents.isEmpty() && more.isEmpty(),
                leftovers);
    }

    /** The leftovers among {@code components}; empty when every one is as it started. */
    public static List<String> leftovers(Collection<Component> components) {
        List<String> leftovers = new ArrayList<>();
        for (Component component : components) {
            if (component.processControl().isPresent()) {
                ProcessControl process = component.processControl().get();
                if (!process.isAlive()) {
                    leftovers.add(component.name() + ": process " + process.pid() + " is not running (crashed and not "
                            + "restarted)");
                    continue;
                }
                if (process.isPaused()) {
                    leftovers.add(component.name() + ": process " + process.pid() + " is paused (SIGSTOP)");
                    continue;
                }
            }
            if (component.kind() == Component.Kind.STORE) {
                clock(component, leftovers);
            }
        }
        return leftovers;
    }

    private static void clock(Component node, List<String> leftovers) {
        try {
            long skew = StoreClock.of(node).skewMillis();
            if (skew != 0) {
                leftovers.add(node.name() + ": clock is still skewed by " + skew + " ms");
            }
        } catch (RuntimeException e) {
            leftovers.add(node.name() + ": its clock could not be read: " + e.getMessage());
        }
    }
}
