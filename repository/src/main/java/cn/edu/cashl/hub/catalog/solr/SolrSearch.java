package cn.edu.cashl.hub.catalog.solr;

import cn.edu.cashl.hub.catalog.CatalogSearch;
import cn.edu.cashl.hub.catalog.SearchFields;
import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.catalog.StoredRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.util.NamedList;

/**
 * {@link CatalogSearch} on the catalog collection. Every search leaves tombstones out with a
 * cached filter; relevance ties and equal sort values are broken by id, which is also the
 * tiebreak cursorMark needs.
 */
final class SolrSearch implements CatalogSearch {

    private static final String LIVE = "{!term f=" + SearchFields.DELETED + "}false";
    /** What a search result carries of a record: the holdings are in the canonical XML. */
    private static final String RECORD_FIELDS =
            String.join(",", SolrDocuments.ID, SolrDocuments.DATESTAMP, SolrDocuments.LIBRARY, SolrDocuments.XML);

    private final SolrClient client;
    private final BiFunction<String, Exception, RuntimeException> failure;

    SolrSearch(SolrClient client, BiFunction<String, Exception, RuntimeException> failure) {
        this.client = client;
        this.failure = failure;
    }

    /** Fields of codes with a few values each (tens, not thousands): counted value by value. */
    private static final Set<String> FEW_VALUES = Set.of(
            SearchFields.LIBRARY, SearchFields.TYPE, SearchFields.LANGUAGE, SearchFields.ACCESS, SearchFields.FORM);

    @Override
    public SearchResult search(SearchRequest request) {
        SolrQuery query = new SolrQuery(request.query());
        request.params().forEach(query::set);
        query.addFilterQuery(LIVE);
        for (SortKey key : request.sort()) {
            query.addSort(key.field(), key.descending() ? SolrQuery.ORDER.desc : SolrQuery.ORDER.asc);
        }
        if (request.sort().isEmpty()) {
            query.addSort("score", SolrQuery.ORDER.desc);
        }
        query.addSort(SolrDocuments.ID, SolrQuery.ORDER.asc);
        if (request.cursor() != null) {
            query.set(CursorMarkParams.CURSOR_MARK_PARAM, request.cursor());
        } else {
            query.setStart(Math.toIntExact(request.start()));
        }
        query.setRows(request.rows());
        query.setFields(request.withRecords() ? RECORD_FIELDS : SolrDocuments.ID);
        if (!request.facets().isEmpty()) {
            query.setFacet(true).setFacetMinCount(1);
            for (FacetRequest facet : request.facets()) {
                query.addFacetField(facet.field());
                query.set("f." + facet.field() + ".facet.limit", facet.limit());
                query.set("f." + facet.field() + ".facet.offset", facet.offset());
                query.set("f." + facet.field() + ".facet.sort", facet.byCount() ? "count" : "index");
                if (FEW_VALUES.contains(facet.field())) {
                    // A handful of values: intersecting each value's cached set with the hits is far
                    // cheaper than reading every hit's values (the default), which a search with a
                    // million hits pays in full.
                    query.set("f." + facet.field() + ".facet.method", "enum");
                }
            }
        }
        QueryResponse response = execute(query, "cannot search");
        List<StoredRecord> records = new ArrayList<>(response.getResults().size());
        for (SolrDocument doc : response.getResults()) {
            records.add(
                    request.withRecords()
                            ? SolrDocuments.fromSolr(doc)
                            : StoredRecord.builder((String) doc.getFirstValue(SolrDocuments.ID), Instant.EPOCH)
                                    .build());
        }
        Map<String, List<TermCount>> facets = new LinkedHashMap<>();
        for (FacetRequest facet : request.facets()) {
            FacetField field = response.getFacetField(facet.field());
            List<TermCount> counts = new ArrayList<>();
            if (field != null && field.getValues() != null) {
                field.getValues().forEach(c -> counts.add(new TermCount(c.getName(), c.getCount())));
            }
            facets.put(facet.field(), counts);
        }
        String next = request.cursor() == null ? null : response.getNextCursorMark();
        return new SearchResult(response.getResults().getNumFound(), records, next, facets);
    }

    @Override
    public List<TermCount> scan(String field, String from, int before, int after) {
        // Two terms facets in one request: the values below the position, read backwards from it,
        // and those from it on. Counting over the live records (not the index's term statistics)
        // keeps deleted and replaced records out of the counts.
        // A quoted range bound: Solr's range syntax takes no escaped white space.
        String bound = "\"" + from.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        SolrQuery query = new SolrQuery("*:*").setRows(0);
        query.addFilterQuery(LIVE);
        query.set(
                "json.facet",
                "{"
                        + "before:{type:terms,field:" + field + ",sort:\"index desc\",limit:" + before + ",mincount:1,"
                        + "domain:{filter:\"" + jsonString(field + ":[* TO " + bound + "}") + "\"}},"
                        + "after:{type:terms,field:" + field + ",sort:\"index asc\",limit:" + after + ",mincount:1,"
                        + "domain:{filter:\"" + jsonString(field + ":[" + bound + " TO *]") + "\"}}}");
        QueryResponse response = execute(query, "cannot scan " + field + " in");
        List<TermCount> terms = new ArrayList<>(buckets(response, "before"));
        Collections.reverse(terms);
        terms.addAll(buckets(response, "after"));
        return terms;
    }

    private static List<TermCount> buckets(QueryResponse response, String name) {
        List<TermCount> terms = new ArrayList<>();
        if (response.getResponse().get("facets") instanceof NamedList<?> facets
                && facets.get(name) instanceof NamedList<?> facet
                && facet.get("buckets") instanceof List<?> buckets) {
            for (Object bucket : buckets) {
                NamedList<?> b = (NamedList<?>) bucket;
                terms.add(new TermCount(String.valueOf(b.get("val")), ((Number) b.get("count")).longValue()));
            }
        }
        return terms;
    }

    private static String jsonString(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private QueryResponse execute(SolrQuery query, String what) {
        try {
            return client.query(StoreCollection.CATALOG.collectionName(), query);
        } catch (SolrException e) {
            if (e.code() == SolrException.ErrorCode.BAD_REQUEST.code) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            throw failure.apply(what, e);
        } catch (Exception e) {
            throw failure.apply(what, e);
        }
    }
}
