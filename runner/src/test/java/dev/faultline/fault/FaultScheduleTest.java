package dev.faultline.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.faults.network.FaultHandle;
import dev.faultline.plan.FaultSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import dev.faultline.sample.RunClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FaultScheduleTest {
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    private FaultInjector recording() {
        return fault -> {
            events.add("start " + fault.name());
            return () -> events.add("heal " + fault.name());
        };
    }

    private static FaultSpec fault(String name, long atMs, Long forMs) {
        return FaultSpec.latency(name, Duration.ofMillis(atMs), forMs == null ? null : Duration.ofMillis(forMs),
                new FaultSpec.LatencyFault("lb->n1", Duration.ofMillis(10), null));
    }

    private FaultSchedule schedule(FaultInjector injector, FaultSpec... faults) {
        return new FaultSchedule(List.of(faults), injector, RunClock.startingAt(System.nanoTime(), Instant.now()),
                failure::set);
    }

    @Test
    void startsEachFaultAtItsTimeAndHealsItWhenItsTimeEnds() {
        try (FaultSchedule schedule = schedule(recording(), fault("a", 50, 100L), fault("b", 100, 50L))) {
            schedule.start();
            await().until(() -> events.size() == 4);
            assertThat(events).containsExactlyInAnyOrder("start a", "start b", "heal a", "heal b");
            assertThat(events.indexOf("start a")).isLessThan(events.indexOf("heal a"));
            List<FaultRecord> timeline = schedule.timeline();
            assertThat(timeline).extracting(FaultRecord::name).containsExactly("a", "b");
            assertThat(timeline.get(0).startMs()).isGreaterThanOrEqualTo(50);
            assertThat(timeline.get(0).endMs()).isGreaterThanOrEqualTo(150);
            assertThat(schedule.activeNames()).isEmpty();
        }
    }

    @Test
    void closingHealsActiveFaultsAndCancelsTheOnesNotStarted() {
        FaultSchedule schedule = schedule(recording(), fault("now", 0, null), fault("later", 60_000, 1_000L));
        schedule.start();
        await().until(() -> events.contains("start now"));
        assertThat(schedule.activeNames()).containsExactly("now");
        schedule.close();
        schedule.close();
        assertThat(events).containsExactly("start now", "heal now");
        assertThat(schedule.timeline()).singleElement().satisfies(r -> assertThat(r.endMs()).isNotNull());
    }

    @Test
    void aFaultThatCannotStartIsReportedAndTheOthersStillRun() {
        FaultInjector failing = fault -> {
            if (fault.name().equals("bad")) {
                throw new IllegalArgumentException("no such link");
            }
            return recording().inject(fault);
        };
        try (FaultSchedule schedule = schedule(failing, fault("bad", 0, 50L), fault("good", 10, 50L))) {
            schedule.start();
            await().until(() -> events.contains("heal good"));
            assertThat(failure.get()).hasMessage("fault 'bad' could not be started: no such link");
            assertThat(schedule.failure()).isSameAs(failure.get());
            assertThat(schedule.timeline()).extracting(FaultRecord::name).containsExactly("good");
        }
    }

    @Test
    void healIsCalledOnceEvenWhenCloseRacesTheTimer() {
        List<FaultHandle> handles = new CopyOnWriteArrayList<>();
        FaultInjector counting = fault -> {
            FaultHandle h = () -> events.add("heal " + fault.name());
            handles.add(h);
            return h;
        };
        FaultSchedule schedule = schedule(counting, fault("x", 0, 1L));
        schedule.start();
        await().until(() -> !handles.isEmpty());
        schedule.close();
        await().until(() -> events.contains("heal x"));
        assertThat(events).containsExactly("heal x");
    }
}
