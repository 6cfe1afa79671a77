package dev.faultline.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.faultline.plan.LoadSpec.Arrivals;
import dev.faultline.plan.Rate;
import dev.faultline.plan.RateRamp;
import dev.faultline.plan.Stage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {
    private static final long S = 1_000_000_000L;

    @Test
    void aConstantRateGivesRateTimesDurationEvenlySpacedArrivals() {
        List<Long> times = all(List.of(stage(100, 100, 2)), Arrivals.UNIFORM, 1);
        assertThat(times).hasSize(200);
        assertThat(times.get(0)).isZero();
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i) - times.get(i - 1)).isEqualTo(10_000_000L);
        }
        assertThat(times.get(199)).isLessThan(2 * S);
    }

    @Test
    void aFractionalRateStillGivesTheIntegralRoundedUp() {
        assertThat(all(List.of(stage(3.5, 3.5, 1)), Arrivals.UNIFORM, 1)).hasSize(4);
    }

    @Test
    void aRampGivesTheIntegralOfItsRateAndGetsDenserAsTheRateRises() {
        List<Long> times = all(List.of(stage(100, 1000, 10)), Arrivals.UNIFORM, 1);
        assertThat(times).hasSize(5500); // (100 + 1000) / 2 * 10
        assertThat(times).isSorted();
        assertThat(times.get(times.size() - 1)).isLessThan(10 * S);
        assertThat(countBetween(times, 0, S)).isCloseTo(145, within(1L));          // integral of 100 + 90t over [0, 1]
        assertThat(countBetween(times, 9 * S, 10 * S)).isCloseTo(955, within(1L)); // over [9, 10]
    }

    @Test
    void aDownwardRampAndAZeroRateStageWork() {
        List<Long> times = all(List.of(stage(1000, 0, 2), stage(0, 0, 1), stage(10, 10, 1)), Arrivals.UNIFORM, 1);
        assertThat(countBetween(times, 0, 2 * S)).isCloseTo(1000, within(1L));
        assertThat(countBetween(times, 2 * S, 3 * S)).isZero();
        assertThat(countBetween(times, 3 * S, 4 * S)).isCloseTo(10, within(1L));
        assertThat(times).isSorted();
    }

    @Test
    void stagesFollowEachOtherWithTheirOwnRates() {
        List<Long> times = all(List.of(stage(10, 10, 1), stage(100, 100, 1)), Arrivals.UNIFORM, 1);
        assertThat(times).hasSize(110);
        assertThat(countBetween(times, 0, S)).isEqualTo(10);
        assertThat(countBetween(times, S, 2 * S)).isEqualTo(100);
    }

    @Test
    void poissonArrivalsAverageTheRateWithExponentialGaps() {
        List<Long> times = all(List.of(stage(1000, 1000, 20)), Arrivals.POISSON, 7);
        assertThat((double) times.size()).isCloseTo(20_000, within(600.0)); // sd ~ 141
        assertThat(times).isSorted();
        double meanGap = 0;
        double meanSquare = 0;
        for (int i = 1; i < times.size(); i++) {
            double gap = (times.get(i) - times.get(i - 1)) / 1e9;
            meanGap += gap;
            meanSquare += gap * gap;
        }
        meanGap /= times.size() - 1;
        meanSquare /= times.size() - 1;
        assertThat(meanGap).isCloseTo(0.001, within(0.00005));
        assertThat(Math.sqrt(meanSquare - meanGap * meanGap)).isCloseTo(0.001, within(0.0001)); // sd = mean
    }

    @Test
    void poissonArrivalsFollowARamp() {
        List<Long> times = all(List.of(stage(0, 2000, 10)), Arrivals.POISSON, 3);
        assertThat((double) countBetween(times, 0, 5 * S)).isCloseTo(2500, within(250.0));
        assertThat((double) countBetween(times, 5 * S, 10 * S)).isCloseTo(7500, within(400.0));
    }

    @Test
    void theSameSeedGivesTheSameArrivals() {
        List<Stage> stages = List.of(stage(500, 500, 1));
        assertThat(all(stages, Arrivals.POISSON, 11)).isEqualTo(all(stages, Arrivals.POISSON, 11));
    }

    private static List<Long> all(List<Stage> stages, Arrivals arrivals, long seed) {
        ArrivalSchedule schedule = new ArrivalSchedule(stages, arrivals, new SplittableRandom(seed));
        List<Long> out = new ArrayList<>();
        for (long t = schedule.next(); t != ArrivalSchedule.DONE; t = schedule.next()) {
            out.add(t);
        }
        return out;
    }

    private static long countBetween(List<Long> times, long from, long to) {
        return times.stream().filter(t -> t >= from && t < to).count();
    }

    private static Stage stage(double from, double to, int seconds) {
        return new Stage(Duration.ofSeconds(seconds), new RateRamp(new Rate(from), new Rate(to)));
    }
}
