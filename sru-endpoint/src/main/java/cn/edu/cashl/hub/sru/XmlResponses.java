package cn.edu.cashl.hub.sru;

import cn.edu.cashl.hub.sru.SruResponse.Operation;
import cn.edu.cashl.hub.sru.diagnostic.SruDiagnostic;
import java.util.List;
import java.util.Map;

/**
 * Writes a response as SRU XML: the SRW schema for 1.1 and 1.2 ({@code srw:} prefix), the OASIS
 * schemas for 2.0 ({@code sru:}, {@code scan:}, {@code diag:}, {@code fr:}), elements in the
 * order the schemas give them.
 */
public final class XmlResponses {

    private static final Map<Operation, String> ECHO = Map.of(
            Operation.EXPLAIN,
            "echoedExplainRequest",
            Operation.SEARCH_RETRIEVE,
            "echoedSearchRetrieveRequest",
            Operation.SCAN,
            "echoedScanRequest");
    /** The echoed parameters, in the order the response schemas give them (extraRequestData last). */
    private static final List<String> ECHO_ORDER = List.of(
            "version",
            "query",
            "scanClause",
            "startRecord",
            "maximumRecords",
            "responsePosition",
            "maximumTerms",
            "recordPacking",
            "recordXMLEscaping",
            "recordSchema",
            "resultSetTTL",
            "sortKeys",
            "stylesheet");

    private XmlResponses() {}

    public static String contentType(Map<String, List<String>> params) {
        List<String> accept = params.get("httpAccept");
        return accept != null && accept.get(0).equals("application/sru+xml")
                ? "application/sru+xml; charset=UTF-8"
                : "application/xml; charset=UTF-8";
    }

    public static String write(SruResponse r) {
        boolean two = r.version.isTwo();
        String p = two && r.operation == Operation.SCAN ? "scan:" : two ? "sru:" : "srw:";
        String ns = r.operation == Operation.SCAN ? r.version.scanNamespace() : r.version.responseNamespace();
        XmlOut x = new XmlOut();
        x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        if (r.stylesheet != null) {
            x.raw("<?xml-stylesheet type=\"text/xsl\" href=\"")
                    .text(r.stylesheet.replace("\"", "%22"))
                    .raw("\"?>\n");
        }
        String root = switch (r.operation) {
            case EXPLAIN -> "explainResponse";
            case SEARCH_RETRIEVE -> "searchRetrieveResponse";
            case SCAN -> "scanResponse";
        };
        x.open(p + root, "xmlns:" + p.substring(0, p.length() - 1), ns);
        x.element(p + "version", r.version.label());
        switch (r.operation) {
            case EXPLAIN -> explain(r, x, p);
            case SEARCH_RETRIEVE -> searchRetrieve(r, x, p);
            case SCAN -> scan(r, x, p);
        }
        echo(r, x, p);
        diagnostics(r.diagnostics, r.version, x, p);
        if (two && r.operation == Operation.SEARCH_RETRIEVE && !r.facets.isEmpty()) {
            facets(r, x, p);
        }
        x.close(p + root);
        return x.toString();
    }

    private static void explain(SruResponse r, XmlOut x, String p) {
        if (r.explain == null) {
            return;
        }
        x.open(p + "record");
        x.element(p + "recordSchema", Explain.ZEEREX_NAMESPACE);
        x.element(p + (r.version.isTwo() ? "recordXMLEscaping" : "recordPacking"), "xml");
        x.open(p + "recordData").raw(r.explain).close(p + "recordData");
        x.close(p + "record");
    }

    private static void searchRetrieve(SruResponse r, XmlOut x, String p) {
        boolean two = r.version.isTwo();
        x.element(p + "numberOfRecords", Math.max(0, r.numberOfRecords));
        if (r.resultSetId != null) {
            x.element(p + "resultSetId", r.resultSetId);
            x.element(p + (two ? "resultSetTTL" : "resultSetIdleTime"), r.resultSetTtl);
        }
        if (two && r.numberOfRecords >= 0) {
            x.element(p + "resultCountPrecision", "info:srw/vocabulary/resultCountPrecision/1/exact");
        }
        if (!r.records.isEmpty()) {
            boolean escaped = "string".equals(r.echo.get(two ? "recordXMLEscaping" : "recordPacking"));
            x.open(p + "records");
            for (SruResponse.Record record : r.records) {
                x.open(p + "record");
                if (record.surrogate() != null) {
                    x.element(p + "recordSchema", "info:srw/schema/1/diagnostics-v1.1");
                    x.element(p + (two ? "recordXMLEscaping" : "recordPacking"), "xml");
                    x.open(p + "recordData");
                    diagnostic(record.surrogate(), r.version, x);
                    x.close(p + "recordData");
                } else {
                    x.element(p + "recordSchema", record.schema().uri());
                    x.element(p + (two ? "recordXMLEscaping" : "recordPacking"), escaped ? "string" : "xml");
                    x.open(p + "recordData");
                    if (escaped) {
                        x.text(record.data());
                    } else {
                        x.raw(record.data());
                    }
                    x.close(p + "recordData");
                }
                x.element(p + "recordPosition", record.position());
                RecordSummary summary = record.summary();
                if (summary != null && (!summary.holdings().isEmpty() || summary.articles() != null)) {
                    x.open(p + "extraRecordData");
                    if (!summary.holdings().isEmpty()) {
                        x.raw(summary.holdingsXml(r.libraryNames));
                    }
                    if (summary.articles() != null) {
                        x.raw(summary.articlesXml(record.id()));
                    }
                    x.close(p + "extraRecordData");
                }
                x.close(p + "record");
            }
            x.close(p + "records");
        }
        if (r.nextRecordPosition > 0) {
            x.element(p + "nextRecordPosition", r.nextRecordPosition);
        }
    }

    private static void scan(SruResponse r, XmlOut x, String p) {
        if (r.terms.isEmpty()) {
            return;
        }
        x.open(p + "terms");
        for (SruResponse.ScanTerm term : r.terms) {
            x.open(p + "term");
            x.element(p + "value", term.value());
            x.element(p + "numberOfRecords", term.count());
            x.element(p + "whereInList", term.whereInList());
            x.close(p + "term");
        }
        x.close(p + "terms");
    }

    private static void echo(SruResponse r, XmlOut x, String p) {
        if (r.echo.isEmpty() && r.operation == Operation.EXPLAIN) {
            return;
        }
        String element = p + ECHO.get(r.operation);
        x.open(element);
        x.element(p + "version", r.version.label());
        for (String name : ECHO_ORDER) {
            if (name.equals("version")) {
                continue;
            }
            String value = r.echo.get(name);
            if (value != null) {
                x.element(p + name, value);
                if (r.xcql != null && (name.equals("query") && r.operation == Operation.SEARCH_RETRIEVE)) {
                    x.open(p + "xQuery")
                            .raw(r.xcql.replaceFirst(
                                    "^<(searchClause|triple)>", "<$1 xmlns=\"" + SruVersion.XCQL_NAMESPACE + "\">"))
                            .close(p + "xQuery");
                }
            }
        }
        String extra = r.echo.get("extraRequestData");
        if (extra != null) {
            x.element(p + "extraRequestData", extra);
        }
        x.close(element);
    }

    static void diagnostics(List<SruDiagnostic> diagnostics, SruVersion version, XmlOut x, String p) {
        if (diagnostics.isEmpty()) {
            return;
        }
        x.open(p + "diagnostics");
        diagnostics.forEach(d -> diagnostic(d, version, x));
        x.close(p + "diagnostics");
    }

    private static void diagnostic(SruDiagnostic d, SruVersion version, XmlOut x) {
        x.open("diag:diagnostic", "xmlns:diag", version.diagnosticNamespace());
        x.element("diag:uri", d.uri());
        x.element("diag:details", d.details());
        x.element("diag:message", d.message());
        x.close("diag:diagnostic");
    }

    private static void facets(SruResponse r, XmlOut x, String p) {
        x.open(p + "facetedResults");
        x.open("fr:datasource", "xmlns:fr", SruVersion.SRU2_FACET_NAMESPACE);
        x.open("fr:facets");
        for (SruResponse.Facet facet : r.facets) {
            x.open("fr:facet");
            x.element("fr:facetDisplayLabel", facet.label());
            x.element("fr:index", facet.index());
            x.open("fr:terms");
            for (SruResponse.FacetTerm term : facet.terms()) {
                x.open("fr:term");
                x.element("fr:actualTerm", term.term());
                x.element("fr:query", term.query());
                x.element("fr:requestUrl", term.requestUrl());
                x.element("fr:count", term.count());
                x.close("fr:term");
            }
            x.close("fr:terms");
            x.close("fr:facet");
        }
        x.close("fr:facets");
        x.close("fr:datasource");
        x.close(p + "facetedResults");
    }
}
