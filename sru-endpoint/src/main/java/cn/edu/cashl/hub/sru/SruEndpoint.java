package cn.edu.cashl.hub.sru;

import cn.edu.cashl.hub.catalog.CatalogSearch;
import cn.edu.cashl.hub.catalog.CatalogSearch.FacetRequest;
import cn.edu.cashl.hub.catalog.CatalogSearch.SearchRequest;
import cn.edu.cashl.hub.catalog.CatalogSearch.SearchResult;
import cn.edu.cashl.hub.catalog.CatalogSearch.SortKey;
import cn.edu.cashl.hub.catalog.SearchFields;
import cn.edu.cashl.hub.catalog.StoreException;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.publish.Library;
import cn.edu.cashl.hub.publish.RecordRenderer;
import cn.edu.cashl.hub.sru.SruResponse.Operation;
import cn.edu.cashl.hub.sru.cql.CqlParser;
import cn.edu.cashl.hub.sru.cql.CqlQuery;
import cn.edu.cashl.hub.sru.cql.CqlSyntaxException;
import cn.edu.cashl.hub.sru.cql.Xcql;
import cn.edu.cashl.hub.sru.diagnostic.SruDiagnostic;
import cn.edu.cashl.hub.sru.diagnostic.SruException;
import cn.edu.cashl.hub.sru.query.CqlTranslator;
import cn.edu.cashl.hub.sru.query.SolrQueryText;
import cn.edu.cashl.hub.sru.query.SortTranslator;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SRU protocol engine: reads a request's parameters, runs explain, searchRetrieve or scan
 * against the catalogue, and returns a response that the HTTP layer writes as XML or JSON. Every
 * error is a diagnostic in the response's version; nothing here throws at the HTTP layer.
 */
public final class SruEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(SruEndpoint.class);
    /** Positions up to here are read with an offset; deeper ones from a remembered cursor. */
    static final long DIRECT_OFFSETS = 1000;
    /** Ids read per step when walking a cursor to a deep position. */
    static final int WALK_STEP = 10_000;

    static final int MAX_QUERY_LENGTH = 10_000;

    private final CatalogSearch catalog;
    private final RecordRenderer renderer;
    private final SruSettings settings;
    private final Map<String, Library> libraries;
    private final ResultSets resultSets;
    private final Explain explain;

    public SruEndpoint(
            CatalogSearch catalog,
            RecordRenderer renderer,
            SruSettings settings,
            Map<String, Library> libraries,
            Clock clock) {
        this.catalog = catalog;
        this.renderer = renderer;
        this.settings = settings;
        this.libraries = Map.copyOf(libraries);
        this.resultSets = new ResultSets(clock);
        this.explain = new Explain(catalog, settings);
    }

    /**
     * Answers one request.
     *
     * @param params  the request's parameters, each with every value it was given
     * @param baseUrl the endpoint's URL as the client reached it (for explain and drill-down URLs)
     */
    public SruResponse answer(Map<String, List<String>> params, String baseUrl) {
        SruRequest request = new SruRequest(params);
        SruVersion version = request.version();
        Operation operation = request.operation(version);
        SruResponse response = new SruResponse(version, operation);
        response.libraryNames = code ->
                Optional.ofNullable(libraries.get(code)).map(Library::name).orElse(null);
        params.forEach((name, values) -> response.echo.put(name, values.get(0)));
        response.stylesheet = request.single("stylesheet");
        try {
            request.check(version, operation);
            switch (operation) {
                case EXPLAIN -> response.explain = explain.record(version, baseUrl);
                case SEARCH_RETRIEVE -> searchRetrieve(request, response, baseUrl);
                case SCAN -> Scans.scan(catalog, settings, request, response);
            }
        } catch (SruException e) {
            response.diagnostics.add(e.diagnostic());
        } catch (QueryRefused e) {
            response.diagnostics.add(SruDiagnostic.of(47, null, e.getMessage()));
        } catch (StoreException e) {
            LOG.warn("SRU request failed on the catalogue: {}", e.getMessage());
            response.diagnostics.add(SruDiagnostic.of(2, null, "the catalogue cannot be read just now"));
        } catch (RuntimeException e) {
            LOG.error("SRU request failed", e);
            response.diagnostics.add(SruDiagnostic.of(1, null, "unexpected failure; the hub logged it"));
        }
        return response;
    }

    private void searchRetrieve(SruRequest request, SruResponse response, String baseUrl) throws SruException {
        String queryText = request.required("query");
        if (queryText.length() > MAX_QUERY_LENGTH) {
            throw SruException.of(
                    12, String.valueOf(MAX_QUERY_LENGTH), "queries have at most " + MAX_QUERY_LENGTH + " characters");
        }
        CqlQuery query = parse(queryText);
        response.xcql = Xcql.write(query);
        RecordSchema schema = schema(request);
        boolean escaped = packing(request, response.version);
        int start = request.integer("startRecord", 1, 1, Integer.MAX_VALUE);
        int requested = request.integer("maximumRecords", settings.defaultRecords(), 0, Integer.MAX_VALUE);
        int rows = Math.min(requested, settings.maximumRecords());
        if (requested > rows) {
            response.diagnostics.add(SruDiagnostic.of(
                    6,
                    "maximumRecords",
                    "at most " + settings.maximumRecords() + " records per page; " + rows + " returned"));
        }
        long ttl = Math.min(
                request.integer("resultSetTTL", (int) settings.resultSetTtl().toSeconds(), 0, Integer.MAX_VALUE),
                settings.maximumResultSetTtl().toSeconds());
        List<SortKey> sort = sort(request, query, response);

        SolrQueryText solr = CqlTranslator.translate(query, id -> {
            ResultSets.ResultSet set = resultSets.find(id);
            return set == null ? null : set.query;
        });
        ResultSets.ResultSet set = resultSets.open(solr, sort, Math.max(ttl, 1));
        Map<String, String> params = new HashMap<>(CqlTranslator.commonParams());
        params.putAll(solr.params());

        long offset = start - 1L;
        SearchRequest page =
                pageRequest(set, params, offset, rows, response.version.isTwo() ? Facets.requests(request) : List.of());
        SearchResult result = search(page);
        response.numberOfRecords = result.total();
        if (ttl > 0) {
            response.resultSetId = set.id;
            response.resultSetTtl = ttl;
        }
        if (result.nextCursor() != null) {
            set.remember(offset + result.records().size(), result.nextCursor());
        }
        if (offset > 0 && offset >= result.total() && rows > 0) {
            throw SruException.of(61, String.valueOf(start), "the result has " + result.total() + " records");
        }
        int position = start;
        for (StoredRecord record : result.records()) {
            response.records.add(render(record, schema, escaped, position++));
        }
        countArticles(response.records);
        long next = offset + result.records().size() + 1;
        response.nextRecordPosition = next <= result.total() && rows > 0 ? next : 0;
        if (response.version.isTwo()) {
            response.facets.addAll(Facets.results(request, result, queryText, baseUrl));
        }
    }

    /**
     * The journals of a page with the number of articles linked to each ({@code isPartOf/@record}):
     * one count query for the page, only when it holds a journal.
     */
    private void countArticles(List<SruResponse.Record> records) {
        List<String> journals = records.stream()
                .filter(r -> r.summary() != null && r.summary().isJournal())
                .map(SruResponse.Record::id)
                .toList();
        if (journals.isEmpty()) {
            return;
        }
        SearchResult counts = search(new SearchRequest(
                "{!terms f=" + SearchFields.HOST_RECORD + " v=$journals}",
                Map.of("journals", String.join(",", journals)),
                List.of(),
                0,
                null,
                0,
                false,
                List.of(new FacetRequest(SearchFields.HOST_RECORD, 0, journals.size(), true))));
        Map<String, Long> byJournal = new HashMap<>();
        counts.facets()
                .getOrDefault(SearchFields.HOST_RECORD, List.of())
                .forEach(t -> byJournal.put(t.term(), t.count()));
        records.replaceAll(r -> r.summary() != null && r.summary().isJournal()
                ? r.withSummary(r.summary().withArticles(byJournal.getOrDefault(r.id(), 0L)))
                : r);
    }

    /** The page request: an offset near the start, else a cursor walked to from the nearest known position. */
    private SearchRequest pageRequest(
            ResultSets.ResultSet set,
            Map<String, String> params,
            long offset,
            int rows,
            List<CatalogSearch.FacetRequest> facetRequests) {
        String query = set.query.query();
        if (offset <= DIRECT_OFFSETS) {
            return new SearchRequest(query, params, set.sort, offset, null, rows, true, facetRequests);
        }
        Map.Entry<Long, String> known = set.nearest(offset);
        long at = known.getKey();
        String cursor = known.getValue();
        while (at < offset) {
            int step = (int) Math.min(WALK_STEP, offset - at);
            SearchResult walk = search(new SearchRequest(query, params, set.sort, 0, cursor, step, false, List.of()));
            if (walk.records().isEmpty() || walk.nextCursor() == null) {
                break; // past the end: the page request finds nothing and says so
            }
            at += walk.records().size();
            cursor = walk.nextCursor();
            set.remember(at, cursor);
        }
        return new SearchRequest(query, params, set.sort, 0, cursor, rows, true, facetRequests);
    }

    private SearchResult search(SearchRequest request) {
        try {
            return catalog.search(request);
        } catch (IllegalArgumentException e) {
            throw new QueryRefused(e.getMessage());
        }
    }

    /** A translated query Solr refused (too many clauses after expansion, for one). */
    static final class QueryRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        QueryRefused(String reason) {
            super(reason, null, false, false);
        }
    }

    private SruResponse.Record render(StoredRecord record, RecordSchema schema, boolean escaped, int position) {
        RecordSummary summary = RecordSummary.read(record.xml() == null ? "" : record.xml());
        Optional<String> metadata = renderer.metadata(record, schema.format());
        if (metadata.isEmpty()) {
            return new SruResponse.Record(
                    position,
                    record.id(),
                    schema,
                    null,
                    SruDiagnostic.of(67, schema.uri(), "record " + record.id() + " cannot be rendered in this schema"),
                    summary);
        }
        return new SruResponse.Record(position, record.id(), schema, schema.adapt(metadata.get()), null, summary);
    }

    /** A query or scan clause as CQL; its text is the details of a syntax error's diagnostic. */
    static CqlQuery parse(String query) throws SruException {
        try {
            return CqlParser.parse(query);
        } catch (CqlSyntaxException e) {
            throw SruException.of(10, query, e.detail());
        }
    }

    private RecordSchema schema(SruRequest request) throws SruException {
        String name = Optional.ofNullable(request.single("recordSchema")).orElse(settings.defaultSchema());
        return RecordSchema.find(name)
                .orElseThrow(() ->
                        SruException.of(66, name, "schemas: dc, mods, marcxml, cashl (or their URIs, see explain)"));
    }

    /**
     * Whether records go as escaped strings: {@code recordPacking=string} in SRU 1.x,
     * {@code recordXMLEscaping=string} in 2.0 (where recordPacking means packed or unpacked).
     */
    static boolean packing(SruRequest request, SruVersion version) throws SruException {
        String name = version.isTwo() ? "recordXMLEscaping" : "recordPacking";
        String value = request.single(name);
        if (version.isTwo()
                && request.single("recordPacking") != null
                && !request.single("recordPacking").equals("packed")) {
            throw SruException.of(6, "recordPacking", "SRU 2.0 packs records only as packed");
        }
        if (value == null || value.equals("xml")) {
            return false;
        }
        if (value.equals("string")) {
            return true;
        }
        throw SruException.of(71, value, name + " is xml or string");
    }

    private static List<SortKey> sort(SruRequest request, CqlQuery query, SruResponse response) throws SruException {
        String sortKeys = request.single("sortKeys");
        if (!query.sortKeys().isEmpty()) {
            if (sortKeys != null) {
                response.diagnostics.add(SruDiagnostic.of(94, null, "the query's sortby is used"));
            }
            return SortTranslator.fromCql(query.sortKeys(), query.root());
        }
        return sortKeys == null || sortKeys.isBlank() ? List.of() : SortTranslator.fromParameter(sortKeys);
    }
}
