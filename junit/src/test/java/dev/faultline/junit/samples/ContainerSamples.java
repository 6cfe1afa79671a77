package dev.faultline.junit.samples;

import static dev.faultline.junit.FaultlineAssertions.assertThat;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;

import dev.faultline.junit.ActiveFault;
import dev.faultline.junit.ContainerService;
import dev.faultline.junit.Faultline;
import dev.faultline.junit.Faults;
import dev.faultline.junit.Load;
import dev.faultline.junit.LoadDriver;
import dev.faultline.junit.LoadRun;
import dev.faultline.junit.RunResult;
import dev.faultline.junit.RunningTarget;
import org.junit.jupiter.api.Test;

/** A user's containerised service under faults; run by the extension's own tests through JUnit's test kit. */
public final class ContainerSamples {
    private ContainerSamples() {
    }

    @Faultline
    public static class Greeting {
        /** A pause, then a network disconnection of the container stop its answers; both are healed. */
        @Test
        void aPausedContainerAnswersNothingUntilItResumes(
                @ContainerService(image = "local/jre17:slim", ports = 8080, name = "greeter",
                        files = "/app/classes=target/test-classes",
                        command = {"java", "-Xmx32m", "-XX:+UseSerialGC", "-Dsun.net.httpserver.nodelay=true",
                                "-cp", "/app/classes", "dev.faultline.junit.samples.app.GreetingService", "8080"},
                        waitFor = "/health") RunningTarget greeter,
                Faults faults, LoadDriver load) {
            LoadRun run = load.start(Load.rate(50).lasting(ofSeconds(7)).timeout(ofMillis(500)).warmup(ofSeconds(2))
                    .get("greeting", "/greeting"));
            run.sleepUntil(ofSeconds(1));
            try (ActiveFault frozen = faults.pause("frozen", "greeter")) {
                run.sleepUntil(ofMillis(3000));
            }
            run.sleepUntil(ofMillis(4000));
            try (ActiveFault cut = faults.disconnect("cut", "greeter")) {
                run.sleepUntil(ofMillis(6000));
            }
            RunResult result = run.await();
            // a request sent while the container is frozen waits; after 500 ms it counts as a timeout. Those sent in the
            // last 500 ms of the pause are answered when it ends, inside the window. (How well the
            // service answers outside the pause depends on how busy the machine is, so that is not asserted here.)
            assertThat(result).availabilityDuring("frozen").isLessThan(0.5);
            // off its network, the container is not reached even through its published port
            assertThat(result).availabilityDuring("cut").isLessThan(0.5);
            assertThat(result).healedEveryFault();
            org.assertj.core.api.Assertions.assertThat(greetingAnswers(greeter)).isTrue();
        }

        private static boolean greetingAnswers(RunningTarget greeter) {
            try {
                java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                        java.net.http.HttpRequest.newBuilder(greeter.uri().resolve("/greeting"))
                                .timeout(ofSeconds(10)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                return answer.statusCode() == 200 && answer.body().equals("hello");
            } catch (java.io.IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
