package dev.faultline.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cuts the network between groups of components ({@code client}, {@code lb}, {@code n1..nN}). With
 * {@code direction: both}, every link between components of different groups is cut in both directions. With
 * {@code one-way}, only bytes sent from a component of the first group to a component of another group are dropped;
 * everything else flows. Components in no group are not affected. {@code mode: blackhole} drops the bytes and holds
 * connections open (requests hang until they time out); {@code mode: reject} disables the links, so connections are
 * refused and open ones closed (both directions only).
 */
public record PartitionFault(List<List<String>> groups, Direction direction, Mode mode) {

    /** Which way a partition cuts. */
    public enum Direction {
        @JsonProperty("both") BOTH,
        @JsonProperty("one-way") ONE_WAY
    }

    /** How a cut link behaves. */
    public enum Mode {
        @JsonProperty("blackhole") BLACKHOLE,
        @JsonProperty("reject") REJECT
    }

    /**
     * What a partition does to one link {@code from->to}: whether the bytes from {@code from} to {@code to}
     * ({@code forward}) and back ({@code backward}) are cut.
     */
    public record Cut(String link, boolean forward, boolean backward) {
    }

    public PartitionFault {
        if (groups == null || groups.size() < 2) {
            throw new IllegalArgumentException("a partition needs 'groups': at least two lists of components, "
                    + "e.g. [[lb, n1], [n2, n3]]");
        }
        Set<String> seen = new HashSet<>();
        for (List<String> group : groups) {
            if (group == null || group.isEmpty()) {
                throw new IllegalArgumentException("a partition group cannot be empty");
            }
            for (String name : group) {
                if (!seen.add(name)) {
                    throw new IllegalArgumentException("'" + name + "' is in more than one partition group");
                }
            }
        }
        groups = groups.stream().map(List::copyOf).toList();
        direction = direction == null ? Direction.BOTH : direction;
        mode = mode == null ? Mode.BLACKHOLE : mode;
        if (mode == Mode.REJECT && direction == Direction.ONE_WAY) {
            throw new IllegalArgumentException("mode 'reject' refuses whole connections, so it cuts both ways: "
                    + "use direction 'both', or mode 'blackhole' for a one-way cut");
        }
    }

    /** The cuts this partition makes among {@code links}; links it leaves alone are not listed. */
    public List<Cut> cuts(List<String> links) {
        List<Cut> cuts = new ArrayList<>();
        for (String link : links) {
            String[] ends = LinkPattern.ends(link);
            int from = groupOf(ends[0]);
            int to = groupOf(ends[1]);
            if (from < 0 || to < 0 || from == to) {
                continue;
            }
            boolean forward = direction == Direction.BOTH || from == 0;
            boolean backward = direction == Direction.BOTH || to == 0;
            cuts.add(new Cut(link, forward, backward));
        }
        return cuts;
    }

    private int groupOf(String component) {
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).contains(component)) {
                return i;
            }
        }
        return -1;
    }

    /** The groups as one line, e.g. {@code [lb, n1] | [n2, n3]}. */
    public String describe() {
        return groups.stream().map(g -> "[" + String.join(", ", g) + "]").collect(Collectors.joining(" | "));
    }
}
