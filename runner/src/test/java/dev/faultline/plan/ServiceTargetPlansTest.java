package dev.faultline.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plans of the command and container targets: plans/targets/, one file per mistake, each located. */
class ServiceTargetPlansTest {
    private static final Path DIR = Path.of("src/test/resources/plans/targets");
    private final PlanParser parser = new PlanParser();

    private Problem onlyProblemOf(String name) {
        Path file = DIR.resolve(name);
        PlanException e = catchThrowableOfType(PlanException.class, () -> parser.parse(file));
        assertThat(e).as("%s should not parse", name).isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    @Test
    void aCommandTargetParsesWithItsLinkAndComponentNamedAfterIt() throws PlanException {
        Plan plan = parser.parse(DIR.resolve("command.yaml"));

        CommandTargetSpec command = plan.target().command();
        assertThat(command).isEqualTo(new CommandTargetSpec("api", List.of("java", "-jar", "app.jar",
                "--server.port=${port}"), Map.of("APP_NAME", "${name}"), null, "/health", Duration.ofSeconds(20),
                "services"));
        assertThat(plan.target().kind()).isEqualTo("command");
        assertThat(plan.target().links()).containsExactly("client->api");
        assertThat(plan.target().components()).containsExactly("api");
    }

    @Test
    void aCommandWhosePortIsNeitherGivenNorPassedIsRefusedAtTheCommand() {
        Problem p = onlyProblemOf("command-without-port.yaml");
        assertThat(p.path()).isEqualTo("target.command");
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.message()).contains("the service's port is unknown: give 'port', or pass ${port}");
    }

    @Test
    void aFaultOnALinkTheCommandTargetDoesNotHaveIsRefusedWithItsLink() {
        Problem p = onlyProblemOf("command-fault-on-unknown-link.yaml");
        assertThat(p.path()).isEqualTo("faults[0].latency.link");
        assertThat(p.message()).isEqualTo("unknown link 'client->app'");
        assertThat(p.hint()).contains("client->api");
    }

    @Test
    void aContainerTargetParsesWithItsPortsFilesAndWait() throws PlanException {
        Plan plan = parser.parse(DIR.resolve("container.yaml"));

        ContainerTargetSpec container = plan.target().container();
        assertThat(container.name()).isEqualTo("app");
        assertThat(container.image()).isEqualTo("local/jre17:slim");
        assertThat(container.ports()).containsExactly(8080, 9090);
        assertThat(container.files()).containsEntry("/app/classes", "target/classes");
        assertThat(container.waitFor()).isEqualTo("/health");
        assertThat(container.readyTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(plan.target().links()).containsExactly("client->app");
    }

    @Test
    void aContainerFileWithARelativeContainerPathIsRefused() {
        Problem p = onlyProblemOf("container-relative-file.yaml");
        assertThat(p.path()).isEqualTo("target.container");
        assertThat(p.message()).contains("files: 'app/classes' must be an absolute path in the container");
    }

    @Test
    void twoTargetKindsAtOnceAreRefused() {
        Problem p = onlyProblemOf("two-target-kinds.yaml");
        assertThat(p.path()).isEqualTo("target");
        assertThat(p.message()).contains("a target is one of cluster, http, command, container, not several");
    }
}
