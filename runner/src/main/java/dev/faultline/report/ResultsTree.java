package dev.faultline.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.check.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the parts of the results.json contract that renderers show when present — a verdict's {@code details}, the
 * scraped {@code observations.metrics} series — from the JSON form of the records, so a renderer shows them exactly
 * as results.json has them and shows nothing when a run recorded none.
 */
final class ResultsTree {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ResultsTree() {
    }

    /** A verdict's {@code details} (examples of lost writes, differing keys, ...); empty when none. */
    static List<String> details(Verdict verdict) {
        List<String> details = new ArrayList<>();
        MAPPER.valueToTree(verdict).path("details").forEach(d -> details.add(d.asText()));
        return details;
    }

    /** The {@code observations.metrics} series of results.json (empty when nothing was scraped). */
    static JsonNode metrics(Results results) {
        return MAPPER.valueToTree(results).path("observations").path("metrics");
    }
}
