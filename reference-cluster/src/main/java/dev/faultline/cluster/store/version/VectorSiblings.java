package dev.faultline.cluster.store.version;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Keeps every version no other version supersedes: concurrent writes survive side by side as siblings until a
 * write whose vector descends from all of them replaces them.
 */
public final class VectorSiblings implements Reconciler {

    @Override
    public List<Version> merge(List<Version> current, List<Version> incoming) {
        TreeSet<Version> all = new TreeSet<>(Version.CANONICAL);
        all.addAll(current);
        all.addAll(incoming);
        List<Version> kept = new ArrayList<>();
        for (Version candidate : all) {
            boolean superseded = all.stream().anyMatch(other -> other.vector().supersedes(candidate.vector()));
            boolean duplicate = !kept.isEmpty() && kept.get(kept.size() - 1).vector().equals(candidate.vector());
            if (!superseded) {
                if (duplicate) {
                    // one vector names one write; should two versions ever share it, the canonically last one wins
                    kept.set(kept.size() - 1, candidate);
                } else {
                    kept.add(candidate);
                }
            }
        }
        return List.copyOf(kept);
    }
}
