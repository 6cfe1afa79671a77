package dev.faultline.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Jackson binds strictly: no coercion between scalar types, one document, a map at the root. */
class StrictBindingTest {
    private static final String LOAD = """
            load:
              stages: [ { duration: 10s, rate: 100/s } ]
              requests: [ { name: read, path: "/kv/${key}" } ]
            """;

    private static Problem onlyProblem(String yaml) {
        PlanException e = catchThrowableOfType(PlanException.class,
                () -> new PlanParser().parse(yaml, "inline.yaml", List.of()));
        assertThat(e).as("should not parse:%n%s", yaml).isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    @Test
    void quotedNumberIsNotCoercedToANumber() {
        Problem p = onlyProblem("name: x\nseed: \"9\"\ntarget: { cluster: {} }\n" + LOAD);
        assertThat(p.path()).isEqualTo("seed");
        assertThat(p.message()).isEqualTo("expected a whole number, found the text '9'");
    }

    @Test
    void fractionIsNotTruncatedToAWholeNumber() {
        Problem p = onlyProblem("name: x\ntarget: { cluster: { store: { nodes: 1.5 } } }\n" + LOAD);
        assertThat(p.path()).isEqualTo("target.cluster.store.nodes");
        assertThat(p.message()).isEqualTo("expected a whole number, found the number 1.5");
    }

    @Test
    void numberIsNotCoercedToText() {
        Problem p = onlyProblem("name: 2024\ntarget: { cluster: {} }\n" + LOAD);
        assertThat(p.path()).isEqualTo("name");
        assertThat(p.message()).isEqualTo("expected text, found the number 2024");
    }

    @Test
    void enumIndexIsNotAcceptedForAnEnumName() {
        Problem p = onlyProblem("name: x\ntarget: { cluster: { isolation: 0 } }\n" + LOAD);
        assertThat(p.path()).isEqualTo("target.cluster.isolation");
        assertThat(p.message()).isEqualTo("unknown value '0'");
        assertThat(p.hint()).isEqualTo("known: in-jvm, process");
    }

    @Test
    void scalarWhereAListBelongsIsAWrongType() {
        Problem p = onlyProblem("name: x\ntarget: { cluster: {} }\n" + LOAD + "checks: { availability: { min: 99% } }\n");
        assertThat(p.path()).isEqualTo("checks");
        assertThat(p.message()).isEqualTo("expected a list, found a map");
    }

    @Test
    void rootThatIsNotAMapIsRefused() {
        Problem p = onlyProblem("- name: x\n");
        assertThat(p.line()).isEqualTo(1);
        assertThat(p.message()).startsWith("a plan is a map of keys (name, description, seed");
    }

    @Test
    void secondYamlDocumentIsRefused() {
        Problem p = onlyProblem("name: x\ntarget: { cluster: {} }\n" + LOAD + "---\nname: y\n");
        assertThat(p.line()).isEqualTo(7);
        assertThat(p.message()).isEqualTo("more than one YAML document");
    }

    @Test
    void duplicateKeyInAFlowMapIsRefused() {
        Problem p = onlyProblem("name: x\ntarget: { cluster: { store: { nodes: 1, nodes: 2 } } }\n" + LOAD);
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.column()).isEqualTo(41);
        assertThat(p.path()).isEqualTo("target.cluster.store");
        assertThat(p.message()).isEqualTo("duplicate key 'nodes'");
    }

    @Test
    void badHeaderTemplateIsReportedAtTheHeader() {
        Problem p = onlyProblem("""
                name: x
                target: { cluster: {} }
                load:
                  stages: [ { duration: 10s, rate: 100/s } ]
                  requests:
                    - name: read
                      path: /kv/${key}
                      headers:
                        X-Trace: "${random:9:1}"
                """);
        assertThat(p.line()).isEqualTo(9);
        assertThat(p.column()).isEqualTo(18);
        assertThat(p.path()).isEqualTo("load.requests[0].headers.X-Trace");
        assertThat(p.message()).isEqualTo("${random:9:1}: MAX is smaller than MIN");
    }

    @Test
    void emptyEntryInAListIsReported() {
        Problem p = onlyProblem("name: x\ntarget: { cluster: {} }\n" + LOAD + "faults: [ ~ ]\n");
        assertThat(p.path()).isEqualTo("faults[0]");
        assertThat(p.message()).isEqualTo("empty entry in a list");
    }

    @Test
    void emptyEntryInANestedListIsReported() {
        Problem p = onlyProblem("name: x\ntarget: { cluster: {} }\nload:\n  stages: [ ~ ]\n"
                + "  requests: [ { name: read, path: /kv/k } ]\n");
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.column()).isEqualTo(13);
        assertThat(p.path()).isEqualTo("load.stages[0]");
    }

    @Test
    void faultNamedLikeABuiltInWindowIsRefused() {
        Problem p = onlyProblem("name: x\ntarget: { cluster: {} }\n" + LOAD
                + "faults: [ { name: all, at: 1s, latency: { link: lb->n1, delay: 1ms } } ]\n");
        assertThat(p.path()).isEqualTo("faults[0].name");
        assertThat(p.message()).contains("a fault cannot be named 'all'");
    }
}
