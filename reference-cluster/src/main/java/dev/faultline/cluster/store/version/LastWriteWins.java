package dev.faultline.cluster.store.version;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Keeps the one version with the greatest (timestamp, writer); a tie on both is broken by the bytes. */
public final class LastWriteWins implements Reconciler {
    private static final Comparator<Version> LATEST = Comparator.comparingLong(Version::timestamp)
            .thenComparing(Version::writer)
            .thenComparing(Version.CANONICAL);

    @Override
    public List<Version> merge(List<Version> current, List<Version> incoming) {
        List<Version> all = new ArrayList<>(current);
        all.addAll(incoming);
        return all.stream().max(LATEST).map(List::of).orElse(List.of());
    }
}
