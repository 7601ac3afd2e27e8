package cn.edu.cashl.hub.bench;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A kind of SRU request the benchmark sends, and the check of its answer: a benchmark that counts
 * fast diagnostics or empty pages as answers measures nothing, so every answer is checked, and the
 * first wrong one stops the benchmark.
 */
enum SruWorkload {

    /** A first page of 10 records in the SRU dc schema: what a search box shows. */
    DC_10(
            "10-record dc page",
            "version=1.2&operation=searchRetrieve&recordSchema=dc&maximumRecords=",
            10,
            "info:srw/schema/1/dc-v1.1",
            false),
    /** A first page of 100 full MARC records: what a library system copying records asks for. */
    MARCXML_100(
            "100-record marcxml page",
            "version=1.2&operation=searchRetrieve&recordSchema=marcxml&maximumRecords=",
            100,
            "info:srw/schema/1/marcxml-v1.1",
            false),
    /** Counts only, with the top 10 values of every facet (SRU 2.0): a discovery page's side bar. */
    FACETS("facets, no records", "version=2.0&facetLimit=10&maximumRecords=", 0, null, false),
    /**
     * DC_10 with every query new to Solr's caches. The generator's vocabulary has 34 words, so the
     * one-word searches recur every few hundred requests and Solr's query result cache answers
     * them; a catalogue's real searches mostly do not recur. A clause that excludes a record no
     * one has makes each query unique without changing what it finds.
     */
    DC_10_UNCACHED(
            "10-record dc page, uncached",
            "version=1.2&operation=searchRetrieve&recordSchema=dc&maximumRecords=",
            10,
            "info:srw/schema/1/dc-v1.1",
            true);

    /** Library, type, language, year, subject, access, journal: the facets the endpoint offers. */
    private static final int FACET_COUNT = 7;

    private static final Pattern NUMBER_OF_RECORDS = Pattern.compile(":numberOfRecords>([0-9]+)<");

    final String label;
    private final String parameters;
    final int rows;
    /** The URI each record of the page names as its schema; null when pages have no records. */
    private final String schemaUri;

    private final boolean unique;

    SruWorkload(String label, String parameters, int rows, String schemaUri, boolean unique) {
        this.label = label;
        this.parameters = parameters + rows;
        this.rows = rows;
        this.schemaUri = schemaUri;
        this.unique = unique;
    }

    /** The query as this workload sends it; {@code serial} tells requests apart. */
    String cql(String query, long serial) {
        return unique ? "(" + query + ") not rec.identifier=\"bench-" + serial + "\"" : query;
    }

    /** The request's query string. */
    String queryString(String cql) {
        return parameters + "&query=" + URLEncoder.encode(cql, StandardCharsets.UTF_8);
    }

    /**
     * Checks an answer: HTTP 200, no diagnostic, hits, a full page (or all the hits) of records in
     * the schema asked for, or every facet.
     *
     * @return how many records the query found
     * @throws IllegalStateException for a wrong answer
     */
    long check(String cql, HttpResponse<String> response) {
        String body = response.body();
        if (response.statusCode() != 200) {
            throw wrong(cql, "HTTP " + response.statusCode(), body);
        }
        if (body.contains("diagnostic")) {
            throw wrong(cql, "a diagnostic", body);
        }
        Matcher hits = NUMBER_OF_RECORDS.matcher(body);
        if (!hits.find() || Long.parseLong(hits.group(1)) == 0) {
            throw wrong(cql, "no hits", body);
        }
        long found = Long.parseLong(hits.group(1));
        if (schemaUri != null) {
            long expected = Math.min(rows, found);
            int records = TextCount.of(body, ">" + schemaUri + "<");
            if (records != expected) {
                throw wrong(cql, records + " records instead of " + expected, body);
            }
        } else if (TextCount.of(body, "<fr:facet>") != FACET_COUNT) {
            throw wrong(cql, TextCount.of(body, "<fr:facet>") + " facets instead of " + FACET_COUNT, body);
        }
        return found;
    }

    private IllegalStateException wrong(String cql, String what, String body) {
        return new IllegalStateException(label + ", query " + cql + ": " + what + " in the answer:\n"
                + body.substring(0, Math.min(body.length(), 2000)));
    }
}
