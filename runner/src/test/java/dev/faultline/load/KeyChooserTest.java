package dev.faultline.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.faultline.plan.KeySpace;
import dev.faultline.plan.KeySpace.Distribution;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KeyChooserTest {

    @Test
    void uniformKeysCoverTheWholeKeySpaceAndNothingElse() {
        KeyChooser keys = KeyChooser.of(new KeySpace(10L, Distribution.UNIFORM, null), new SplittableRandom(1));
        long[] counts = new long[10];
        for (int i = 0; i < 100_000; i++) {
            long k = keys.next();
            assertThat(k).isBetween(0L, 9L);
            counts[(int) k]++;
        }
        for (long c : counts) {
            assertThat((double) c).isCloseTo(10_000, within(500.0));
        }
    }

    @Test
    void sequentialKeysCountUpAndWrapAtTheCount() {
        KeyChooser keys = KeyChooser.of(new KeySpace(3L, Distribution.SEQUENTIAL, null), new SplittableRandom(1));
        long[] drawn = new long[7];
        for (int i = 0; i < drawn.length; i++) {
            drawn[i] = keys.next();
        }
        assertThat(drawn).containsExactly(0, 1, 2, 0, 1, 2, 0);
    }

    @Test
    void zipfKeysFollowZipfsLawWithTheFirstKeysHottest() {
        KeyChooser keys = KeyChooser.of(new KeySpace(1000L, Distribution.ZIPF, 1.0), new SplittableRandom(5));
        int n = 200_000;
        long[] counts = new long[1000];
        for (int i = 0; i < n; i++) {
            long k = keys.next();
            assertThat(k).isBetween(0L, 999L);
            counts[(int) k]++;
        }
        double harmonic = 0;
        for (int i = 1; i <= 1000; i++) {
            harmonic += 1.0 / i;
        }
        assertThat(counts[0] / (double) n).isCloseTo(1 / harmonic, within(0.005));       // ~13.4 %
        assertThat(counts[1] / (double) n).isCloseTo(0.5 / harmonic, within(0.005));     // half of key 0
        assertThat(counts[9] / (double) n).isCloseTo(0.1 / harmonic, within(0.003));
    }

    @Test
    void aSteeperZipfExponentConcentratesMoreOnTheHottestKey() {
        double shallow = shareOfKeyZero(0.8);
        double steep = shareOfKeyZero(1.5);
        assertThat(steep).isGreaterThan(shallow * 2);
    }

    @Test
    void zipfOverAHugeKeySpaceNeedsNoTableAndStaysInBounds() {
        long count = 1_000_000_000_000L;
        KeyChooser keys = KeyChooser.of(new KeySpace(count, Distribution.ZIPF, 1.2), new SplittableRandom(9));
        for (int i = 0; i < 10_000; i++) {
            assertThat(keys.next()).isBetween(0L, count - 1);
        }
    }

    private static double shareOfKeyZero(double exponent) {
        KeyChooser keys = KeyChooser.of(new KeySpace(10_000L, Distribution.ZIPF, exponent), new SplittableRandom(2));
        int zero = 0;
        for (int i = 0; i < 50_000; i++) {
            zero += keys.next() == 0 ? 1 : 0;
        }
        return zero / 50_000.0;
    }
}
