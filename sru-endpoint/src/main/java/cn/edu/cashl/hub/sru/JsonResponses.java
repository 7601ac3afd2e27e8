package cn.edu.cashl.hub.sru;

import cn.edu.cashl.hub.sru.diagnostic.SruDiagnostic;
import java.util.List;

/**
 * Writes a response as JSON for mobile and web clients ({@code httpAccept=application/json}): the
 * same content as the XML, with each record's summary and holdings as fields, and its metadata in
 * the requested schema as an XML string. The shape is documented in docs/sru.md.
 */
public final class JsonResponses {

    private JsonResponses() {}

    public static String write(SruResponse r) {
        Json j = new Json();
        j.open('{');
        j.field("version", r.version.label());
        j.field(
                "operation",
                switch (r.operation) {
                    case EXPLAIN -> "explain";
                    case SEARCH_RETRIEVE -> "searchRetrieve";
                    case SCAN -> "scan";
                });
        if (r.numberOfRecords >= 0) {
            j.field("numberOfRecords", r.numberOfRecords);
        }
        if (r.resultSetId != null) {
            j.field("resultSetId", r.resultSetId);
            j.field("resultSetTTL", r.resultSetTtl);
        }
        if (r.nextRecordPosition > 0) {
            j.field("nextRecordPosition", r.nextRecordPosition);
        }
        if (r.operation == SruResponse.Operation.SEARCH_RETRIEVE) {
            j.name("records").open('[');
            for (SruResponse.Record record : r.records) {
                j.open('{');
                j.field("position", record.position());
                j.field("id", record.id());
                RecordSummary s = record.summary();
                if (s != null) {
                    j.field("type", s.type());
                    j.field("title", s.title());
                    j.strings("creators", s.creators());
                    j.field("year", s.year());
                    if (s.articles() != null) {
                        j.field("articles", s.articles());
                    }
                }
                j.field("schema", record.schema().uri());
                j.field("data", record.data());
                if (record.surrogate() != null) {
                    j.name("diagnostic");
                    diagnostic(j, record.surrogate());
                }
                j.name("holdings").open('[');
                if (s != null) {
                    for (RecordSummary.Holding h : s.holdings()) {
                        j.open('{');
                        j.field("library", h.library());
                        j.field("libraryName", r.libraryNames.apply(h.library()));
                        j.field("localId", h.localId());
                        j.field("form", h.form());
                        j.field("callNumber", h.callNumber());
                        j.field("url", h.url());
                        j.field("coverage", h.coverage());
                        j.close('}');
                    }
                }
                j.close(']');
                j.close('}');
            }
            j.close(']');
            if (!r.facets.isEmpty()) {
                j.name("facets").open('[');
                for (SruResponse.Facet facet : r.facets) {
                    j.open('{');
                    j.field("index", facet.index());
                    j.field("label", facet.label());
                    j.name("terms").open('[');
                    for (SruResponse.FacetTerm term : facet.terms()) {
                        j.open('{');
                        j.field("term", term.term());
                        j.field("count", term.count());
                        j.field("query", term.query());
                        j.field("requestUrl", term.requestUrl());
                        j.close('}');
                    }
                    j.close(']');
                    j.close('}');
                }
                j.close(']');
            }
        }
        if (r.operation == SruResponse.Operation.SCAN) {
            j.name("terms").open('[');
            for (SruResponse.ScanTerm term : r.terms) {
                j.open('{');
                j.field("value", term.value());
                j.field("numberOfRecords", term.count());
                j.field("whereInList", term.whereInList());
                j.close('}');
            }
            j.close(']');
        }
        if (r.explain != null) {
            j.field("explain", r.explain);
        }
        j.name("diagnostics").open('[');
        for (SruDiagnostic d : r.diagnostics) {
            diagnostic(j, d);
        }
        j.close(']');
        j.close('}');
        return j.toString();
    }

    private static void diagnostic(Json j, SruDiagnostic d) {
        j.open('{');
        j.field("uri", d.uri());
        j.field("details", d.details());
        j.field("message", d.message());
        j.close('}');
    }

    /** A minimal JSON writer: commas between members, strings escaped, nulls left out. */
    private static final class Json {
        private final StringBuilder out = new StringBuilder(4096);
        private boolean first = true;

        Json open(char bracket) {
            comma();
            out.append(bracket);
            first = true;
            return this;
        }

        void close(char bracket) {
            out.append(bracket);
            first = false;
        }

        Json name(String name) {
            comma();
            string(name);
            out.append(':');
            first = true;
            return this;
        }

        void field(String name, Object value) {
            if (value == null) {
                return;
            }
            name(name);
            if (value instanceof Number) {
                out.append(value);
            } else {
                string(value.toString());
            }
            first = false;
        }

        void strings(String name, List<String> values) {
            name(name).open('[');
            for (String value : values) {
                comma();
                string(value);
                first = false;
            }
            close(']');
        }

        private void comma() {
            if (!first) {
                out.append(',');
            }
            first = false;
        }

        private void string(String text) {
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
