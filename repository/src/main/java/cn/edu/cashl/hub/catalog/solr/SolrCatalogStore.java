package cn.edu.cashl.hub.catalog.solr;

import cn.edu.cashl.hub.catalog.CatalogSearch;
import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.Projection;
import cn.edu.cashl.hub.catalog.RecordFilter;
import cn.edu.cashl.hub.catalog.RecordKey;
import cn.edu.cashl.hub.catalog.RecordPage;
import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.catalog.StoreException;
import cn.edu.cashl.hub.catalog.StoreHealth;
import cn.edu.cashl.hub.catalog.StoreHealth.CollectionHealth;
import cn.edu.cashl.hub.catalog.StoredRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.UpdateResponse;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CommonParams;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalogue store on Solr. The same code serves embedded Solr, a standalone Solr URL and
 * SolrCloud: only the {@link SolrClient} differs ({@link SolrStores} builds it).
 *
 * <p>Listings are cursorMark walks sorted by {@code datestamp asc, id asc}; the unique id is the
 * tiebreak cursorMark requires, and is what makes a walk see every record exactly once however many
 * share a datestamp.
 */
public final class SolrCatalogStore implements CatalogStore, CatalogSearch {

    private static final Logger LOG = LoggerFactory.getLogger(SolrCatalogStore.class);
    /** Ids or values per request: large lists go in several POSTs, never in a URL. */
    private static final int CHUNK = 1000;

    private final SolrClient client;
    private final SolrSettings.Mode mode;
    private final String location;
    private final List<AutoCloseable> resources;
    private final SolrSearch search;

    /**
     * @param resources closed in order by {@link #close()}, after the client
     */
    SolrCatalogStore(SolrClient client, SolrSettings.Mode mode, String location, List<AutoCloseable> resources) {
        this.client = client;
        this.mode = mode;
        this.location = location;
        this.resources = List.copyOf(resources);
        this.search = new SolrSearch(client, (what, e) -> failure(what, StoreCollection.CATALOG, e));
    }

    @Override
    public SearchResult search(SearchRequest request) {
        return search.search(request);
    }

    @Override
    public List<TermCount> scan(String field, String from, int before, int after) {
        return search.scan(field, from, before, after);
    }

    @Override
    public void put(StoreCollection collection, List<StoredRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        List<SolrInputDocument> docs = new ArrayList<>(records.size());
        for (StoredRecord record : records) {
            docs.add(SolrDocuments.toSolr(record));
        }
        try {
            client.add(collection.collectionName(), docs);
        } catch (Exception e) {
            throw failure("cannot write " + records.size() + " records to", collection, e);
        }
    }

    @Override
    public Optional<StoredRecord> get(StoreCollection collection, String id) {
        try {
            SolrDocument doc = client.getById(collection.collectionName(), id);
            return Optional.ofNullable(doc).map(SolrDocuments::fromSolr);
        } catch (Exception e) {
            throw failure("cannot read record " + id + " from", collection, e);
        }
    }

    @Override
    public Map<String, StoredRecord> get(StoreCollection collection, Collection<String> ids, Projection projection) {
        if (projection == Projection.ORIGINS) {
            return origins(collection, ids);
        }
        return realTimeGet(collection, ids, projection);
    }

    /**
     * {@link Projection#ORIGINS}: a search by id whose fields all come from docValues, then a
     * real-time get of the ids it did not find (written since the last refresh).
     */
    private Map<String, StoredRecord> origins(StoreCollection collection, Collection<String> ids) {
        Map<String, StoredRecord> found = new HashMap<>();
        for (List<String> chunk : chunks(ids)) {
            ModifiableSolrParams params = exactly(SolrDocuments.ID, chunk);
            project(params, Projection.ORIGINS);
            params.set(CommonParams.ROWS, chunk.size());
            try {
                for (SolrDocument doc : new QueryRequest(params, SolrRequest.METHOD.POST)
                        .process(client, collection.collectionName())
                        .getResults()) {
                    StoredRecord record = SolrDocuments.fromSolr(doc);
                    found.put(record.id(), record);
                }
            } catch (Exception e) {
                throw failure("cannot read " + chunk.size() + " records from", collection, e);
            }
        }
        List<String> unseen = ids.stream().filter(id -> !found.containsKey(id)).toList();
        if (!unseen.isEmpty()) {
            found.putAll(realTimeGet(collection, unseen, Projection.ORIGINS));
        }
        return found;
    }

    private Map<String, StoredRecord> realTimeGet(
            StoreCollection collection, Collection<String> ids, Projection projection) {
        Map<String, StoredRecord> found = new HashMap<>();
        for (List<String> chunk : chunks(ids)) {
            ModifiableSolrParams params = new ModifiableSolrParams();
            chunk.forEach(id -> params.add(CommonParams.ID, id));
            project(params, projection);
            QueryRequest request = new QueryRequest(params, SolrRequest.METHOD.POST);
            request.setPath("/get");
            try {
                QueryResponse response = request.process(client, collection.collectionName());
                // Real-time get answers one id with a single "doc", several with a document list.
                List<SolrDocument> docs = response.getResults() != null
                        ? response.getResults()
                        : response.getResponse().get("doc") instanceof SolrDocument doc ? List.of(doc) : List.of();
                for (SolrDocument doc : docs) {
                    StoredRecord record = SolrDocuments.fromSolr(doc);
                    found.put(record.id(), record);
                }
            } catch (Exception e) {
                throw failure("cannot read " + chunk.size() + " records from", collection, e);
            }
        }
        return found;
    }

    @Override
    public Set<String> putIfVersion(StoreCollection collection, List<StoredRecord> records) {
        Set<String> conflicts = new HashSet<>();
        if (records.isEmpty()) {
            return conflicts;
        }
        UpdateRequest request = new UpdateRequest();
        records.forEach(record -> request.add(SolrDocuments.toSolrIfVersion(record)));
        request.setParam("update.chain", "tolerant");
        try {
            UpdateResponse response = request.process(client, collection.collectionName());
            Object errors = response.getResponseHeader() == null
                    ? null
                    : response.getResponseHeader().get("errors");
            if (errors instanceof List<?> list) {
                for (Object error : list) {
                    NamedList<?> entry = (NamedList<?>) error;
                    String message = String.valueOf(entry.get("message"));
                    if (!message.contains("version conflict") && !message.contains("Conflict")) {
                        throw new StoreException("cannot write record " + entry.get("id") + " to the "
                                + collection.collectionName() + " collection: " + message);
                    }
                    conflicts.add(String.valueOf(entry.get("id")));
                }
            }
        } catch (StoreException e) {
            throw e;
        } catch (Exception e) {
            throw failure("cannot write " + records.size() + " records to", collection, e);
        }
        return conflicts;
    }

    @Override
    public Set<String> findIds(StoreCollection collection, String field, Collection<String> values, int max) {
        Set<String> ids = new HashSet<>();
        for (List<String> chunk : chunks(values)) {
            if (ids.size() >= max) {
                break;
            }
            ModifiableSolrParams params = exactly(field, chunk);
            params.set(CommonParams.FL, SolrDocuments.ID);
            params.set(CommonParams.ROWS, max - ids.size());
            try {
                for (SolrDocument doc : new QueryRequest(params, SolrRequest.METHOD.POST)
                        .process(client, collection.collectionName())
                        .getResults()) {
                    ids.add((String) doc.getFirstValue(SolrDocuments.ID));
                }
            } catch (Exception e) {
                throw failure("cannot search the " + field + " field of", collection, e);
            }
        }
        return ids;
    }

    /**
     * A search for the records holding any of these values in the field. The terms parser matches
     * exact values without analysis or escaping; the values are passed by parameter reference, one
     * per line, so that no value can break the query syntax.
     */
    private static ModifiableSolrParams exactly(String field, List<String> values) {
        ModifiableSolrParams params = new ModifiableSolrParams();
        params.set(CommonParams.Q, "{!terms f=" + field + " separator=$sep v=$values}");
        params.set("sep", "\n");
        params.set("values", String.join("\n", values));
        return params;
    }

    private static void project(ModifiableSolrParams params, Projection projection) {
        switch (projection) {
            case FIELDS -> params.set(CommonParams.FL, SolrDocuments.HEADER_FIELDS);
            case CANONICAL -> params.set(CommonParams.FL, SolrDocuments.HEADER_FIELDS + "," + SolrDocuments.XML);
            case HEADERS -> params.set(CommonParams.FL, SolrDocuments.PUBLISHED_HEADERS);
            case PUBLISHED -> params.set(CommonParams.FL, SolrDocuments.PUBLISHED_HEADERS + "," + SolrDocuments.XML);
            case ORIGINS -> params.set(CommonParams.FL, SolrDocuments.ORIGIN_FIELDS);
            case ALL -> {}
        }
    }

    private static List<List<String>> chunks(Collection<String> values) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> all = List.copyOf(new LinkedHashSet<>(values));
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }

    @Override
    public void delete(StoreCollection collection, Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            client.deleteById(collection.collectionName(), List.copyOf(ids));
        } catch (Exception e) {
            throw failure("cannot delete " + ids.size() + " records from", collection, e);
        }
    }

    @Override
    public RecordPage list(
            StoreCollection collection, RecordFilter filter, String cursor, int pageSize, Projection projection) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be at least 1, was " + pageSize);
        }
        SolrQuery query = listing(filter, pageSize, projection);
        query.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor == null ? FIRST_PAGE : cursor);
        try {
            QueryResponse response = client.query(collection.collectionName(), query);
            List<StoredRecord> records = records(response);
            String next = response.getNextCursorMark();
            boolean last = records.size() < pageSize || next == null || next.equals(cursor);
            return new RecordPage(
                    records, last ? null : next, response.getResults().getNumFound());
        } catch (Exception e) {
            throw failure("cannot list records of", collection, e);
        }
    }

    @Override
    public RecordPage listAfter(
            StoreCollection collection,
            RecordFilter filter,
            RecordKey after,
            int limit,
            Projection projection,
            boolean count) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        SolrQuery query = listing(filter, limit, projection);
        if (after != null) {
            // After (d, id): a later datestamp, or the same one and a greater id. The id comparison
            // is a function range on the id's docValues, checked only on the records of datestamp d:
            // a term range on id would enumerate every id after the position, a million at the start
            // of a large list. The id travels as a parameter, so it needs no escaping. Each position
            // is a new filter, not worth caching.
            String datestamp = ClientUtils.escapeQueryChars(after.datestamp().toString());
            query.addFilterQuery("{!cache=false}" + SolrDocuments.DATESTAMP + ":{" + datestamp + " TO *] OR (+"
                    + SolrDocuments.DATESTAMP + ":" + datestamp + " +_query_:\"{!frange l=$after_id incl=false}field("
                    + SolrDocuments.ID + ")\")");
            query.set("after_id", after.id());
        }
        try {
            QueryResponse response = client.query(collection.collectionName(), query);
            return new RecordPage(
                    records(response), null, count ? response.getResults().getNumFound() : -1);
        } catch (Exception e) {
            throw failure("cannot list records of", collection, e);
        }
    }

    /** A page of the records matching the filter in listing order, (datestamp, id). */
    private static SolrQuery listing(RecordFilter filter, int rows, Projection projection) {
        SolrQuery query = filtered(filter);
        query.setRows(rows);
        query.addSort(SolrDocuments.DATESTAMP, SolrQuery.ORDER.asc);
        query.addSort(SolrDocuments.ID, SolrQuery.ORDER.asc);
        project(query, projection);
        return query;
    }

    private static List<StoredRecord> records(QueryResponse response) {
        List<StoredRecord> records = new ArrayList<>(response.getResults().size());
        for (SolrDocument doc : response.getResults()) {
            records.add(SolrDocuments.fromSolr(doc));
        }
        return records;
    }

    @Override
    public Map<String, Long> terms(StoreCollection collection, String field, int limit) {
        SolrQuery query = new SolrQuery("*:*")
                .setRows(0)
                .setFacet(true)
                .addFacetField(field)
                .setFacetLimit(limit)
                .setFacetMinCount(1);
        try {
            Map<String, Long> terms = new LinkedHashMap<>();
            var facet = client.query(collection.collectionName(), query).getFacetField(field);
            if (facet != null) {
                facet.getValues().forEach(count -> terms.put(count.getName(), count.getCount()));
            }
            return terms;
        } catch (Exception e) {
            throw failure("cannot read the values of " + field + " in", collection, e);
        }
    }

    @Override
    public long count(StoreCollection collection, RecordFilter filter) {
        SolrQuery query = filtered(filter);
        query.setRows(0);
        try {
            return client.query(collection.collectionName(), query).getResults().getNumFound();
        } catch (Exception e) {
            throw failure("cannot count records of", collection, e);
        }
    }

    @Override
    public void commit() {
        for (StoreCollection collection : StoreCollection.values()) {
            try {
                client.commit(collection.collectionName(), true, true);
            } catch (Exception e) {
                throw failure("cannot commit", collection, e);
            }
        }
    }

    @Override
    public void refresh() {
        for (StoreCollection collection : StoreCollection.values()) {
            try {
                client.commit(collection.collectionName(), false, true, true);
            } catch (Exception e) {
                throw failure("cannot refresh", collection, e);
            }
        }
    }

    @Override
    public StoreHealth health() {
        Map<String, CollectionHealth> collections = new LinkedHashMap<>();
        boolean up = true;
        for (StoreCollection collection : StoreCollection.values()) {
            try {
                SolrQuery query = new SolrQuery("*:*").setRows(0);
                long records = client.query(collection.collectionName(), query)
                        .getResults()
                        .getNumFound();
                collections.put(collection.collectionName(), new CollectionHealth(true, records, null));
            } catch (Exception e) {
                up = false;
                collections.put(
                        collection.collectionName(), new CollectionHealth(false, -1, String.valueOf(e.getMessage())));
            }
        }
        return new StoreHealth(up, mode(), location, collections);
    }

    /** {@code embedded}, {@code url} or {@code cloud}. */
    public String mode() {
        return mode.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (Exception e) {
            LOG.warn("closing the Solr client failed", e);
        }
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed", resource, e);
            }
        }
    }

    private static SolrQuery filtered(RecordFilter filter) {
        SolrQuery query = new SolrQuery("*:*");
        term(query, SolrDocuments.SET, filter.set());
        term(query, SolrDocuments.LIBRARY, filter.library());
        term(query, SolrDocuments.SOURCE, filter.source());
        term(query, SolrDocuments.STATUS, filter.status());
        if (filter.deleted() != null) {
            term(query, SolrDocuments.DELETED, filter.deleted().toString());
        }
        if (filter.oaiSet() != null) {
            // The set, the sets below it, now or formerly: four clauses of escaped terms.
            String spec = ClientUtils.escapeQueryChars(filter.oaiSet());
            query.addFilterQuery(String.join(
                    " OR ",
                    SolrDocuments.SET + ":" + spec,
                    SolrDocuments.SET + ":" + spec + "\\:*",
                    RecordFilter.FORMER_SET + ":" + spec,
                    RecordFilter.FORMER_SET + ":" + spec + "\\:*"));
        }
        if (filter.from() != null || filter.until() != null) {
            query.addFilterQuery(
                    SolrDocuments.DATESTAMP + ":[" + bound(filter.from()) + " TO " + bound(filter.until()) + "]");
        }
        return query;
    }

    /** A filter on one exact value. The term parser takes the value verbatim: nothing to escape. */
    private static void term(SolrQuery query, String field, String value) {
        if (value != null) {
            query.addFilterQuery("{!term f=" + field + "}" + value);
        }
    }

    private static String bound(Instant instant) {
        return instant == null ? "*" : instant.toString();
    }

    private StoreException failure(String what, StoreCollection collection, Exception e) {
        return new StoreException(
                what + " the " + collection.collectionName() + " collection (" + mode() + " Solr at " + location + "): "
                        + e.getMessage(),
                e);
    }
}
