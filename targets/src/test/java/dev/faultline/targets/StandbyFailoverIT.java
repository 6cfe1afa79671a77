package dev.faultline.targets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.cluster.balancer.BalancerSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The primary/standby balancer pair as separate processes: load runs through the service address (the
 * {@code client->lb} link), {@code lb} is killed with SIGKILL, and {@code lb2} takes over the service port.
 */
@Timeout(90)
class StandbyFailoverIT {
    private static final int CLIENTS = 4;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(30);
    private static final Duration CLIENT_STOPS_AFTER = Duration.ofSeconds(75);
    private static final Duration SERVING_AFTER_TAKEOVER = Duration.ofSeconds(1);
    /** Generous: the machine may be loaded; the takeover itself is checked every 100 ms. */
    private static final Duration MAX_DOWNTIME = Duration.ofSeconds(10);

    @TempDir
    Path workDir;

    /**
     * One request: when it was sent and answered (nanoTime), whether a store node answered it, and what came back (a
     * status code or the exception's name).
     */
    private record Outcome(long sentNanos, long doneNanos, boolean ok, String result) {
    }

    private ReferenceClusterTarget startPair(int nodes, ReferenceClusterConfig.Isolation isolation) {
        return ReferenceClusterTarget.start(new ReferenceClusterConfig(nodes, Duration.ofSeconds(2),
                isolation, workDir, null, null, BalancerSettings.DEFAULTS.withStandby(true)));
    }

    @Test
    void theStandbyIsAComponentWithItsOwnLinksToEveryNode() {
        try (ReferenceClusterTarget cluster = startPair(2, ReferenceClusterConfig.Isolation.IN_JVM)) {
            assertThat(cluster.components()).containsKeys("lb", "lb2");
            Component lb2 = cluster.components().get("lb2");
            assertThat(lb2.kind()).isEqualTo(Component.Kind.BALANCER);
            assertThat(lb2.address()).isEqualTo(cluster.components().get("lb").address());
            assertThat(cluster.links()).containsOnlyKeys("client->lb", "lb->n1", "lb->n2", "lb2->n1", "lb2->n2",
                    "n1->n2", "n2->n1");
        }
    }

    @Test
    void whenThePrimaryIsKilledTheStandbyServesTheSameAddressWithinABoundedTime() throws Exception {
        try (ReferenceClusterTarget cluster = startPair(1, ReferenceClusterConfig.Isolation.PROCESS)) {
            ProcessControl lb = cluster.components().get("lb").processControl().orElseThrow();
            ProcessControl lb2 = cluster.components().get("lb2").processControl().orElseThrow();
            URI key = cluster.serviceUri().resolve("/kv/failover");
            List<Outcome> outcomes = new ArrayList<>();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int i = 0; i < CLIENTS; i++) {
                clients.submit(() -> sendUntilStopped(key, running, outcomes));
            }

            long killedAt;
            Duration takeover;
            try {
                awaitServingSince(Long.MIN_VALUE, outcomes);
                killedAt = System.nanoTime();
                lb.kill();
                takeover = awaitListening(cluster.components().get("lb2").address(), killedAt);
                awaitServingSince(killedAt, outcomes);
            } finally {
                running.set(false);
                clients.shutdown();
            }
            assertThat(clients.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

            Duration downtime = longestFailureRun(outcomes);
            Duration firstSuccess;
            synchronized (outcomes) {
                firstSuccess = Duration.ofNanos(outcomes.stream().filter(o -> o.ok() && o.sentNanos() > killedAt)
                        .mapToLong(Outcome::doneNanos).min().orElseThrow() - killedAt);
            }
            System.out.printf("failover: lb2 listened %d ms after lb was gone; first success %d ms after; %d requests, "
                    + "longest run of failures %d ms%n", takeover.toMillis(), firstSuccess.toMillis(), outcomes.size(),
                    downtime.toMillis());
            synchronized (outcomes) {
                outcomes.stream().filter(o -> o.sentNanos() > killedAt - 1_000_000_000L && !o.ok()).forEach(o ->
                        System.out.printf("  failed: sent %+d ms, took %d ms: %s%n", (o.sentNanos() - killedAt) / 1_000_000,
                                (o.doneNanos() - o.sentNanos()) / 1_000_000, o.result()));
            }
            System.out.println(Files.readString(lb2.log()));
            assertThat(lb.isAlive()).isFalse();
            assertThat(lb2.isAlive()).isTrue();
            synchronized (outcomes) {
                assertThat(outcomes).anyMatch(o -> o.ok() && o.sentNanos() < killedAt);
                assertThat(outcomes).anyMatch(o -> o.ok() && o.sentNanos() > killedAt);
            }
            assertThat(downtime).isLessThan(MAX_DOWNTIME);
        }
    }

    @Test
    void aRestartedPrimaryWaitsAsTheStandbyWhileTheOtherServes() throws Exception {
        try (ReferenceClusterTarget cluster = startPair(1, ReferenceClusterConfig.Isolation.PROCESS)) {
            ProcessControl lb = cluster.components().get("lb").processControl().orElseThrow();
            URI key = cluster.serviceUri().resolve("/kv/restart");
            lb.kill();
            List<Outcome> outcomes = new ArrayList<>();
            long killedAt = System.nanoTime();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread client = new Thread(() -> sendUntilStopped(key, running, outcomes));
            client.start();
            long restartedAt;
            try {
                awaitServingSince(killedAt, outcomes);
                lb.restart();
                restartedAt = System.nanoTime();
                awaitServingSince(restartedAt, outcomes);
            } finally {
                running.set(false);
            }
            client.join(10_000);

            ProcessControl lb2 = cluster.components().get("lb2").processControl().orElseThrow();
            System.out.println("lb2's log:\n" + Files.readString(lb2.log()) + "lb's log:\n" + Files.readString(lb.log()));
            assertThat(lb.isAlive()).isTrue();
            assertThat(Files.readString(lb.log())).contains("balancer lb is the standby");
            synchronized (outcomes) {
                assertThat(outcomes).anyMatch(o -> o.ok() && o.sentNanos() > restartedAt);
            }
        }
    }

    private static void sendUntilStopped(URI key, AtomicBoolean running, List<Outcome> outcomes) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long stopAt = System.nanoTime() + CLIENT_STOPS_AFTER.toNanos();
        while (running.get() && System.nanoTime() < stopAt) {
            long sent = System.nanoTime();
            boolean ok;
            String result;
            try {
                int status = http.send(HttpRequest.newBuilder(key).timeout(REQUEST_TIMEOUT).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                ok = status == 200 || status == 404;
                result = String.valueOf(status);
            } catch (IOException e) {
                ok = false;
                result = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            synchronized (outcomes) {
                outcomes.add(new Outcome(sent, System.nanoTime(), ok, result));
            }
        }
    }

    /** Waits until something listens at {@code address} and returns how long after {@code since} that was. */
    private static Duration awaitListening(InetSocketAddress address, long since) throws InterruptedException {
        long giveUp = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        while (System.nanoTime() < giveUp) {
            try (Socket socket = new Socket()) {
                socket.connect(address, 1_000);
                return Duration.ofNanos(System.nanoTime() - since);
            } catch (IOException refused) {
                Thread.sleep(5);
            }
        }
        throw new AssertionError("nothing listened at " + address + " within " + GIVE_UP_AFTER.toSeconds() + " s");
    }

    /** Waits until requests sent after {@code since} have succeeded for {@link #SERVING_AFTER_TAKEOVER}. */
    private static void awaitServingSince(long since, List<Outcome> outcomes) throws InterruptedException {
        long giveUp = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        while (System.nanoTime() < giveUp) {
            synchronized (outcomes) {
                long firstOk = outcomes.stream().filter(o -> o.ok() && o.sentNanos() > since)
                        .mapToLong(Outcome::sentNanos).min().orElse(Long.MAX_VALUE);
                if (System.nanoTime() - firstOk > SERVING_AFTER_TAKEOVER.toNanos()) {
                    return;
                }
            }
            Thread.sleep(50);
        }
    }

    /**
     * The longest stretch of failures among the requests in sending order, from the first success on (a cold cluster's
     * first requests are not a failover): from the first failed request's sending to the sending of the next request
     * that succeeded (or the end of the last request, if none did).
     */
    private static Duration longestFailureRun(List<Outcome> outcomes) {
        List<Outcome> sorted;
        synchronized (outcomes) {
            sorted = outcomes.stream().sorted(Comparator.comparingLong(Outcome::sentNanos))
                    .dropWhile(o -> !o.ok()).toList();
        }
        long longest = 0;
        Long runStart = null;
        for (Outcome outcome : sorted) {
            if (!outcome.ok() && runStart == null) {
                runStart = outcome.sentNanos();
            } else if (outcome.ok() && runStart != null) {
                longest = Math.max(longest, outcome.sentNanos() - runStart);
                runStart = null;
            }
        }
        if (runStart != null && !sorted.isEmpty()) {
            longest = Math.max(longest, sorted.get(sorted.size() - 1).doneNanos() - runStart);
        }
        return Duration.ofNanos(longest);
    }
}
