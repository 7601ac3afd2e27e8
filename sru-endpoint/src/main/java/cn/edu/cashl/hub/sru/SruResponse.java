package cn.edu.cashl.hub.sru;

import cn.edu.cashl.hub.sru.diagnostic.SruDiagnostic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An SRU response, whatever its operation, before it is written as XML or JSON
 * ({@link XmlResponses}, {@link JsonResponses}). Fields an operation does not use stay empty.
 */
public final class SruResponse {

    /** The three operations. */
    public enum Operation {
        EXPLAIN,
        SEARCH_RETRIEVE,
        SCAN
    }

    /** A record of a page: its metadata in the schema asked for, or a surrogate diagnostic. */
    record Record(
            int position, String id, RecordSchema schema, String data, SruDiagnostic surrogate, RecordSummary summary) {

        Record withSummary(RecordSummary value) {
            return new Record(position, id, schema, data, surrogate, value);
        }
    }

    /** A facet: an index's values in the result, each with a query that narrows the result to it. */
    record Facet(String index, String label, List<FacetTerm> terms) {}

    record FacetTerm(String term, long count, String query, String requestUrl) {}

    /** A scan term and where it sits in the index. */
    record ScanTerm(String value, long count, String whereInList) {}

    final SruVersion version;
    final Operation operation;
    /** The request's parameters as received, in order: echoed back. */
    final Map<String, String> echo = new LinkedHashMap<>();

    String xcql;
    String stylesheet;
    long numberOfRecords = -1;
    String resultSetId;
    long resultSetTtl;
    final List<Record> records = new ArrayList<>();
    long nextRecordPosition;
    final List<Facet> facets = new ArrayList<>();
    final List<ScanTerm> terms = new ArrayList<>();
    String explain;
    final List<SruDiagnostic> diagnostics = new ArrayList<>();
    /** The library names holdings carry. */
    Function<String, String> libraryNames = code -> null;

    SruResponse(SruVersion version, Operation operation) {
        this.version = version;
        this.operation = operation;
    }

    public SruVersion version() {
        return version;
    }

    public Operation operation() {
        return operation;
    }
}
