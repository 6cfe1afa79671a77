package dev.faultline.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.check.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitXmlWriterTest {
    @TempDir
    Path dir;

    static Results results(String error, Verdict... verdicts) {
        return new Results("quickstart", error == null, error, "2026-11-23T20:00:00Z", 10_000, 7, "test",
                new Results.Load("open", 200, 199.5, 1995, 1995, 0), Map.of(), List.of(), List.of(verdicts), List.of(),
                new Results.FaultsHealed(true, List.of()));
    }

    private static Document parse(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    @Test
    void writesOneTestCasePerCheckAndAFailureThatSaysObservedVersusLimit() throws Exception {
        Verdict held = new Verdict("latency read p99", "latency", "steady", true, 3.2, 50, "ms", "fine");
        Verdict broken = new Verdict("availability", "availability", "all", false, 97.5, 99, "%",
                "availability of all requests in 'all' was 97.50% (195 of 200 succeeded), min 99% (short by 1.50 points)");
        Document xml = parse(new JUnitXmlWriter().write(results(null, held, broken), dir));

        Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("name")).isEqualTo("faultline.quickstart");
        assertThat(suite.getAttribute("tests")).isEqualTo("2");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        NodeList cases = xml.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(2);
        assertThat(((Element) cases.item(0)).getAttribute("name")).isEqualTo("latency read p99 (steady)");
        Element failure = (Element) ((Element) cases.item(1)).getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).contains("was 97.50%").contains("min 99%");
        assertThat(failure.getTextContent()).startsWith("observed 97.50%, limit 99%");
        assertThat(((Element) cases.item(0)).getElementsByTagName("failure").getLength()).isZero();
    }

    @Test
    void aRunThatCouldNotBeCarriedOutIsAnErroredTestCase() throws Exception {
        Document xml = parse(new JUnitXmlWriter().write(results("port 8080 is taken"), dir));
        Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        Element error = (Element) xml.getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("message")).isEqualTo("port 8080 is taken");
    }

    /** Validates against the de-facto JUnit XML schema CI systems read (src/test/resources/junit/junit-de-facto.xsd). */
    private static void assertValid(Path file) throws Exception {
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(Path.of("src/test/resources/junit/junit-de-facto.xsd").toFile())
                .newValidator().validate(new StreamSource(file.toFile()));
    }

    @Test
    void recordedRunsAndARunNotCarriedOutAreValidJUnitXmlForCiSystems() throws Exception {
        for (String run : List.of("quickstart-run1", "quickstart-failing", "quickstart-overloaded")) {
            assertValid(new JUnitXmlWriter().write(Golden.recorded(run), dir));
        }
        assertValid(new JUnitXmlWriter().write(results("port 8080 is taken"), dir));
    }

    @Test
    void aRecordedFailingRunIsWrittenAsTheGoldenFileHasIt() throws Exception {
        Path file = new JUnitXmlWriter().write(Golden.recorded("quickstart-overloaded"), dir);
        Golden.assertMatches("quickstart-overloaded.junit.xml", Golden.read(file));
        Document xml = parse(file);
        Element testCase = (Element) xml.getElementsByTagName("testcase").item(0);
        assertThat(testCase.getAttribute("classname") + " › " + testCase.getAttribute("name"))
                .isEqualTo("faultline.quickstart › latency read p99 (steady)");
        assertThat(xml.getElementsByTagName("property").getLength()).isEqualTo(3);
        assertThat(((Element) xml.getElementsByTagName("testsuite").item(0)).getAttribute("failures")).isEqualTo("3");
    }
}
