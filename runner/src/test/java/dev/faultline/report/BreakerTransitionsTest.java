package dev.faultline.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BreakerTransitionsTest {
    private static List<BreakerTransitions.Transition> of(String metricsJson) throws Exception {
        return BreakerTransitions.of(new ObjectMapper().readTree(metricsJson.replace('\'', '"')));
    }

    @Test
    void oneSeriesPerStateGivesATransitionEachTimeAnotherStateBecomesCurrent() throws Exception {
        List<BreakerTransitions.Transition> transitions = of("""
                [ {'component':'lb','metric':'balancer_breaker_state','labels':{'backend':'n1','state':'closed'},
                   'points':[[1000,1],[2000,0],[3000,0],[4000,0],[5000,1]]},
                  {'component':'lb','metric':'balancer_breaker_state','labels':{'backend':'n1','state':'open'},
                   'points':[[1000,0],[2000,1],[3000,0],[4000,0],[5000,0]]},
                  {'component':'lb','metric':'balancer_breaker_state','labels':{'backend':'n1','state':'half_open'},
                   'points':[[1000,0],[2000,0],[3000,1],[4000,1],[5000,0]]},
                  {'component':'lb','metric':'balancer_requests_total','labels':{'backend':'n1'},
                   'points':[[1000,5],[2000,9]]} ]""");
        assertThat(transitions).containsExactly(
                new BreakerTransitions.Transition(2000, "lb", Map.of("backend", "n1"), "closed", "open"),
                new BreakerTransitions.Transition(3000, "lb", Map.of("backend", "n1"), "open", "half_open"),
                new BreakerTransitions.Transition(5000, "lb", Map.of("backend", "n1"), "half_open", "closed"));
    }

    @Test
    void aSeriesWhoseValueIsTheStateGivesATransitionOnEachChange() throws Exception {
        List<BreakerTransitions.Transition> transitions = of("""
                [ {'component':'lb','metric':'faultline_breaker_state','labels':{'backend':'n2'},
                   'points':[[0,0],[1000,0],[2000,1],[3000,1],[4000,0]]} ]""");
        assertThat(transitions).extracting(BreakerTransitions.Transition::tMs).containsExactly(2000L, 4000L);
        assertThat(transitions.get(0).from()).isEqualTo("0");
        assertThat(transitions.get(0).to()).isEqualTo("1");
    }

    @Test
    void noScrapedMetricsMeanNoTransitions() throws Exception {
        assertThat(of("[]")).isEmpty();
        assertThat(BreakerTransitions.of(new ObjectMapper().missingNode())).isEmpty();
    }
}
