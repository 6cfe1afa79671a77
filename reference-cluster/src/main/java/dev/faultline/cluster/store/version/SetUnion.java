package dev.faultline.cluster.store.version;

import java.util.List;
import java.util.TreeSet;

/** The value is a set: one version per element, and merging is the union, so no added element is ever lost. */
public final class SetUnion implements Reconciler {

    /** The version that records {@code element} in a set: only the bytes identify it. */
    public static Version element(byte[] element) {
        return new Version(element, false, 0, "", VersionVector.EMPTY);
    }

    @Override
    public List<Version> merge(List<Version> current, List<Version> incoming) {
        TreeSet<Version> union = new TreeSet<>(Version.CANONICAL);
        current.stream().map(version -> element(version.value())).forEach(union::add);
        incoming.stream().filter(version -> !version.tombstone()).map(version -> element(version.value())).forEach(union::add);
        return List.copyOf(union);
    }
}
