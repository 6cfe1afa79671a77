package dev.faultline.observe;

import java.util.List;

/**
 * The acknowledged writes of a set workload, read back from every replica of their key after the convergence probe:
 * how many acknowledged elements there were, how many (element, replica) pairs were checked, and each element a
 * replica lacks ({@code missing}, up to a sample; {@code missingCount} counts them all). A replica that could not be
 * read is in {@code unreadable} with the reason.
 */
public record ReplicaReadout(long acknowledged, long checked, long missingCount, List<Missing> missing,
        List<String> unreadable, boolean complete) {

    /** Keep at most this many examples of missing elements. */
    public static final int MAX_EXAMPLES = 50;

    /** One acknowledged element a replica does not hold. */
    public record Missing(String key, String element, String replica, long ackedAtMs) {
    }

    public ReplicaReadout {
        missing = List.copyOf(missing);
        unreadable = List.copyOf(unreadable);
    }
}
