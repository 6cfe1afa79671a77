package dev.faultline.targets.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaCommandTest {

    @Test
    void aRelativeClassPathIsMadeAbsoluteBecauseChildrenRunElsewhere() {
        String relative = "runner/target/faultline.jar" + File.pathSeparator + "/opt/lib/a.jar";
        assertThat(JavaCommand.absoluteClassPath(relative)).isEqualTo(
                Path.of("runner/target/faultline.jar").toAbsolutePath() + File.pathSeparator + "/opt/lib/a.jar");
    }

    @Test
    void theCommandRunsTheMainClassWithThisJvmsJavaAndClassPath() {
        List<String> command = JavaCommand.of("x.Main", List.of("arg"));
        assertThat(command.get(0)).isEqualTo(ProcessHandle.current().info().command().orElseThrow());
        assertThat(command).containsSubsequence("-cp",
                JavaCommand.absoluteClassPath(System.getProperty("java.class.path")), "x.Main", "arg");
    }
}
