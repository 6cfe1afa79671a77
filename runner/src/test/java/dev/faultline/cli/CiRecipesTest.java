package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The CI recipes of docs/ci.md stay valid: their YAML parses and every faultline command line in them parses. */
class CiRecipesTest {
    private static final Path CI_DOC = Path.of("../docs/ci.md");

    private static List<String> blocks(String doc, String language) {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    @Test
    void everyYamlRecipeParses() throws Exception {
        List<String> yaml = blocks(Files.readString(CI_DOC), "yaml");
        assertThat(yaml).hasSizeGreaterThanOrEqualTo(4);
        for (String block : yaml) {
            assertThat(new Yaml().<Object>load(block)).as(block).isNotNull();
        }
    }

    @Test
    void everyFaultlineCommandLineInTheRecipesIsAcceptedByTheCli() throws Exception {
        String doc = Files.readString(CI_DOC);
        Matcher m = Pattern.compile("faultline\\.jar ((?:run|compare) [^'\"\\n|`]+)").matcher(doc);
        int found = 0;
        while (m.find()) {
            String[] args = m.group(1).strip().split("\\s+");
            Main.commandLine().parseArgs(args);
            found++;
        }
        assertThat(found).as("faultline command lines in docs/ci.md").isGreaterThanOrEqualTo(4);
    }

    @Test
    void theJenkinsPipelineIsBalancedAndPublishesTheJUnitXmlAndGatesOnTheExitCode() throws Exception {
        String groovy = blocks(Files.readString(CI_DOC), "groovy").get(0);
        assertThat(groovy.chars().filter(c -> c == '{').count()).isEqualTo(groovy.chars().filter(c -> c == '}').count());
        assertThat(groovy).contains("junit testResults: 'target/faultline/*/junit.xml'").contains("code == 1")
                .contains("archiveArtifacts");
    }
}
