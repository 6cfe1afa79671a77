package dev.faultline.observe;

import dev.faultline.sample.Acknowledgements.Ack;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which acknowledged writes of one key a replica has lost, given the values it holds after convergence. How depends
 * on what the writes were:
 * <ul>
 *   <li>{@link #SET_ELEMENTS} (the set workload): every acknowledged element must be held; one that is not is lost.</li>
 *   <li>{@link #REGISTER_VALUES} (the register workload, one value per write): a write may be superseded, but only by
 *       one it did not precede. An acknowledged write W is lost when every value the replica holds was written by a
 *       write acknowledged <em>before W was sent</em> (or the replica holds nothing): real time says W came after each
 *       of them, yet an older value won. A held value that no acknowledged write wrote (a write that failed or timed
 *       out but was applied) may be newer than W, so it counts as not older: the count is never inflated by writes
 *       whose times are unknown. Times are the load generator's: W's intended send time (at or before it really left)
 *       against the other write's acknowledgement (after the store acknowledged it), so "acknowledged before W was
 *       sent" always holds in real time. Siblings (version vectors) are several held values; W is lost only if all
 *       of them are older.</li>
 * </ul>
 */
enum WriteLosses {
    SET_ELEMENTS {
        @Override
        List<Loss> lost(List<Ack> acks, Set<String> held) {
            List<Loss> lost = new ArrayList<>();
            for (Ack ack : acks) {
                if (!held.contains(ack.element())) {
                    lost.add(new Loss(ack, null));
                }
            }
            return lost;
        }
    },
    REGISTER_VALUES {
        @Override
        List<Loss> lost(List<Ack> acks, Set<String> held) {
            Map<String, Ack> byValue = new HashMap<>();
            acks.forEach(ack -> byValue.putIfAbsent(ack.element(), ack));
            long newestHeldAck = Long.MIN_VALUE;
            for (String value : held) {
                Ack writer = byValue.get(value);
                newestHeldAck = Math.max(newestHeldAck, writer == null ? Long.MAX_VALUE : writer.atMs());
            }
            List<Loss> lost = new ArrayList<>();
            for (Ack ack : acks) {
                if (newestHeldAck < ack.sentAtMs()) {
                    lost.add(new Loss(ack, describe(held, byValue)));
                }
            }
            return lost;
        }

        private String describe(Set<String> held, Map<String, Ack> byValue) {
            if (held.isEmpty()) {
                return "nothing";
            }
            List<String> values = new ArrayList<>();
            for (String value : held) {
                values.add(value + " (acknowledged at " + byValue.get(value).atMs() + " ms)");
            }
            return String.join(", ", values);
        }
    };

    /** An acknowledged write a replica lost; {@code heldInstead} says what it holds instead (registers), or null. */
    record Loss(Ack ack, String heldInstead) {
    }

    /** The writes of {@code acks} (all of one key) lost by a replica holding {@code held}. */
    abstract List<Loss> lost(List<Ack> acks, Set<String> held);
}
