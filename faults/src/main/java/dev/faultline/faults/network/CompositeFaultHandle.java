package dev.faultline.faults.network;

import java.util.ArrayList;
import java.util.List;

/** One fault made of several (a partition cuts many links): heal tries every part and throws the first failure. */
final class CompositeFaultHandle implements FaultHandle {

    private final List<FaultHandle> parts;

    CompositeFaultHandle(List<FaultHandle> parts) {
        this.parts = List.copyOf(parts);
    }

    @Override
    public void heal() {
        List<RuntimeException> failures = new ArrayList<>();
        for (FaultHandle part : parts) {
            try {
                part.heal();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
    }

    @Override
    public String toString() {
        return parts.toString();
    }
}
