package dev.faultline.observe;

import java.util.List;

/**
 * The acknowledged writes of a run, read back from every replica of their key after the convergence probe: how many
 * acknowledged writes there were, how many (write, replica) pairs were checked, and each write a replica lost
 * ({@code missing}, up to a sample; {@code missingCount} counts them all). A replica that could not be read is in
 * {@code unreadable} with the reason. {@code writes} says how a loss was judged ({@code set}: an element the replica
 * lacks; {@code register}: a value overwritten by an older one, see {@link WriteLosses}).
 */
public record ReplicaReadout(long acknowledged, long checked, long missingCount, List<Missing> missing,
        List<String> unreadable, boolean complete, String writes) {

    /** Keep at most this many examples of missing elements. */
    public static final int MAX_EXAMPLES = 50;
    /** Elements of a set, each of which must be held. */
    public static final String SET = "set";
    /** Values of a register, each of which may be superseded only by a write it did not precede. */
    public static final String REGISTER = "register";

    /**
     * One acknowledged write a replica lost: for a set, an element it does not hold; for a register, a value it holds
     * only older values than ({@code heldInstead} names them, with when they were acknowledged; null for a set).
     */
    public record Missing(String key, String element, String replica, long ackedAtMs, Long sentAtMs,
            String heldInstead) {

        /** An element of a set a replica does not hold. */
        public Missing(String key, String element, String replica, long ackedAtMs) {
            this(key, element, replica, ackedAtMs, null, null);
        }
    }

    public ReplicaReadout {
        missing = List.copyOf(missing);
        unreadable = List.copyOf(unreadable);
        writes = writes == null ? SET : writes;
        if (!writes.equals(SET) && !writes.equals(REGISTER)) {
            throw new IllegalArgumentException("writes must be " + SET + " or " + REGISTER + ", not " + writes);
        }
    }

    /** A readout of a set workload's elements. */
    public ReplicaReadout(long acknowledged, long checked, long missingCount, List<Missing> missing,
            List<String> unreadable, boolean complete) {
        this(acknowledged, checked, missingCount, missing, unreadable, complete, SET);
    }
}
