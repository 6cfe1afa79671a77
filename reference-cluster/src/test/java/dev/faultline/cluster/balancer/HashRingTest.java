package dev.faultline.cluster.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class HashRingTest {
    private static final int KEYS = 20_000;
    private static final int VIRTUAL_NODES = BalancerSettings.DEFAULT_VIRTUAL_NODES;

    private static HashRing<String> ring(List<String> members) {
        return HashRing.of(members, Function.identity(), VIRTUAL_NODES);
    }

    private static List<String> members(int count) {
        List<String> members = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            members.add("n" + i);
        }
        return members;
    }

    private static Map<String, String> owners(HashRing<String> ring) {
        Map<String, String> owners = new HashMap<>();
        for (int k = 0; k < KEYS; k++) {
            owners.put("client-" + k, ring.owner("client-" + k));
        }
        return owners;
    }

    @Test
    void addingOneOfNBackendsMovesAboutOneNthOfTheKeysAllToTheNewOne() {
        Map<String, String> before = owners(ring(members(5)));
        Map<String, String> after = owners(ring(members(6)));

        long moved = before.keySet().stream().filter(k -> !before.get(k).equals(after.get(k))).count();
        long movedElsewhere = before.keySet().stream()
                .filter(k -> !before.get(k).equals(after.get(k)) && !after.get(k).equals("n6")).count();

        double share = (double) moved / KEYS;
        // ideal: 1/6 = 0.167
        assertThat(share).isBetween(0.12, 0.22);
        assertThat(movedElsewhere).isZero();
    }

    @Test
    void removingOneOfNBackendsMovesOnlyItsKeysAboutOneNth() {
        Map<String, String> before = owners(ring(members(5)));
        List<String> four = new ArrayList<>(members(5));
        four.remove("n3");
        Map<String, String> after = owners(ring(four));

        long moved = before.keySet().stream().filter(k -> !before.get(k).equals(after.get(k))).count();
        long ownedByRemoved = before.values().stream().filter("n3"::equals).count();

        double share = (double) moved / KEYS;
        // ideal: 1/5 = 0.2
        assertThat(share).isBetween(0.15, 0.25);
        assertThat(moved).isEqualTo(ownedByRemoved);
    }

    @Test
    void keysSpreadAboutEvenlyOverTheBackends() {
        Map<String, Long> counts = new HashMap<>();
        owners(ring(members(4))).values().forEach(owner -> counts.merge(owner, 1L, Long::sum));

        assertThat(counts).hasSize(4);
        // ideal: 5000 each
        assertThat(counts.values()).allSatisfy(count -> assertThat(count).isBetween(4000L, 6000L));
    }

    @Test
    void walkStartsAtTheOwnerAndVisitsEveryMemberOnce() {
        HashRing<String> ring = ring(members(4));

        List<String> walk = ring.walk("client-7");

        assertThat(walk).hasSize(4).doesNotHaveDuplicates().first().isEqualTo(ring.owner("client-7"));
    }

    @Test
    void consistentHashSendsAKeyToTheNextBackendWhileItsOwnerIsUnhealthy() {
        List<BackendState> backends = TestBackends.named(3);
        HashRing<BackendState> ring = HashRing.of(backends, 16);
        ConsistentHash strategy = new ConsistentHash(ring);
        BackendState owner = strategy.select("client-1");
        BackendState second = ring.walk("client-1").get(1);

        owner.healthy(false);
        BackendState whileDown = strategy.select("client-1");
        owner.healthy(true);

        assertThat(whileDown).isSameAs(second);
        assertThat(strategy.select("client-1")).isSameAs(owner);
    }
}
