package dev.faultline.report;

import dev.faultline.check.Numbers;
import dev.faultline.check.Verdict;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes {@code junit.xml}: one test suite per plan, one test case per check (failures say observed vs limit), and
 * one errored test case {@code run} when the run could not be carried out. Readable by Jenkins, GitLab and GitHub
 * test reporters (the Ant/Surefire JUnit XML schema): a test case's {@code classname} is {@code faultline.<plan>} and
 * its name {@code <check> (<window>)}, so they show it as "quickstart › latency read p99 (steady)". The suite's
 * properties carry the seed, the target and the achieved rate; a check's details (lost writes, differing keys, ...)
 * follow its failure message.
 */
public final class JUnitXmlWriter implements ReportWriter {
    public static final String FILE = "junit.xml";

    @Override
    public Path write(Results results, Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            write(results, xml);
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("could not write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static void write(Results results, XMLStreamWriter xml) throws XMLStreamException {
        String suite = "faultline." + results.plan();
        int errors = results.error() == null ? 0 : 1;
        String seconds = String.format(Locale.ROOT, "%.3f", results.durationMs() / 1000.0);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuites");
        xml.writeAttribute("name", "faultline");
        xml.writeAttribute("tests", String.valueOf(results.checks().size() + errors));
        xml.writeAttribute("failures", String.valueOf(results.failedChecks()));
        xml.writeAttribute("errors", String.valueOf(errors));
        xml.writeAttribute("time", seconds);
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", suite);
        xml.writeAttribute("tests", String.valueOf(results.checks().size() + errors));
        xml.writeAttribute("failures", String.valueOf(results.failedChecks()));
        xml.writeAttribute("errors", String.valueOf(errors));
        xml.writeAttribute("skipped", "0");
        xml.writeAttribute("time", seconds);
        xml.writeAttribute("timestamp", antTimestamp(results.startedAt()));
        properties(results, xml);
        if (results.error() != null) {
            testCase(xml, suite, "run");
            xml.writeStartElement("error");
            xml.writeAttribute("message", results.error());
            xml.writeAttribute("type", "run");
            xml.writeCharacters(results.error());
            xml.writeEndElement();
            xml.writeEndElement();
        }
        for (Verdict verdict : results.checks()) {
            testCase(xml, suite, verdict.name() + " (" + verdict.window() + ")");
            if (!verdict.passed()) {
                xml.writeStartElement("failure");
                xml.writeAttribute("message", verdict.message());
                xml.writeAttribute("type", verdict.type());
                StringBuilder text = new StringBuilder("observed " + Numbers.withUnit(verdict.observed(), verdict.unit())
                        + ", limit " + Numbers.withUnit(verdict.limit(), verdict.unit()) + "\n" + verdict.message());
                ResultsTree.details(verdict).forEach(d -> text.append("\n- ").append(d));
                xml.writeCharacters(text.toString());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
    }

    /** Ant's form, which every reader parses: UTC to the second, no zone ({@code 2026-11-23T20:00:00}). */
    private static String antTimestamp(String instant) {
        return java.time.Instant.parse(instant).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()
                .replace("Z", "");
    }

    private static void properties(Results results, XMLStreamWriter xml) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("properties");
        property(xml, "seed", String.valueOf(results.seed()));
        property(xml, "target", results.target());
        property(xml, "achievedRate", String.format(Locale.ROOT, "%.1f/s", results.load().achievedRate()));
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n      ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", value == null ? "" : value);
    }

    private static void testCase(XMLStreamWriter xml, String suite, String name) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", suite);
        xml.writeAttribute("name", name);
        xml.writeAttribute("time", "0");
    }
}
