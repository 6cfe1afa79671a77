package dev.faultline.junit;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.plan.LoadSpec;
import dev.faultline.plan.RequestSpec;
import org.junit.jupiter.api.Test;

class LoadTest {

    @Test
    void anOpenLoadIsThePlanLoadItStandsFor() {
        LoadSpec spec = Load.rate(200).lasting(ofSeconds(8)).clients(6).keys(50).workload("set").spec();

        assertThat(spec.model()).isEqualTo(LoadSpec.Model.OPEN);
        assertThat(spec.stages()).singleElement().satisfies(s -> {
            assertThat(s.duration()).isEqualTo(ofSeconds(8));
            assertThat(s.rate().from().perSecond()).isEqualTo(200);
        });
        assertThat(spec.clients()).isEqualTo(6);
        assertThat(spec.keys().count()).isEqualTo(50);
        assertThat(spec.requests()).extracting(RequestSpec::name).containsExactly("add", "read");
        assertThat(spec.warmup()).isEqualTo(ofSeconds(1));
        assertThat(spec.timeout()).isEqualTo(LoadSpec.DEFAULT_TIMEOUT);
    }

    @Test
    void aClosedLoadHasUsersAndThinkTime() {
        LoadSpec spec = Load.users(20).lasting(ofSeconds(5)).thinkTime(ofMillis(10)).get("home", "/").spec();

        assertThat(spec.model()).isEqualTo(LoadSpec.Model.CLOSED);
        assertThat(spec.stages().get(0).users().from()).isEqualTo(20);
        assertThat(spec.thinkTime().min()).isEqualTo(ofMillis(10));
        assertThat(spec.requests()).extracting(RequestSpec::path).containsExactly("/");
    }

    @Test
    void everyStepReturnsANewLoadAndLeavesTheOldOneAsItWas() {
        Load base = Load.rate(10).get("home", "/");
        Load longer = base.lasting(ofSeconds(30));

        assertThat(base.spec().duration()).isEqualTo(ofSeconds(10));
        assertThat(longer.spec().duration()).isEqualTo(ofSeconds(30));
    }

    @Test
    void aLoadWithoutRequestsOrWithBothAWorkloadAndRequestsIsRefused() {
        assertThatThrownBy(() -> Load.rate(10).spec()).hasMessageContaining("request mix");
        assertThatThrownBy(() -> Load.rate(10).workload("set").get("home", "/").spec())
                .hasMessageContaining("a workload or its own requests, not both");
        assertThatThrownBy(() -> Load.rate(10).workload("queue")).hasMessageContaining("known: register, set");
    }
}
