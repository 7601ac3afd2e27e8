package cn.edu.cashl.hub.catalog;

import java.util.List;
import java.util.Map;

/**
 * Searching the live master records (tombstones are never found): the port SRU uses.
 *
 * <p>Contract:
 * <ul>
 *   <li>The query is in the Lucene syntax of the configset, over the {@link SearchFields}; the
 *       caller builds it (the SRU translation) and passes every user-supplied term as a parameter
 *       dereferenced from the query ({@code {!field f=title_text v=$t1}}), so no user text is
 *       parsed as query syntax.</li>
 *   <li>Results are ordered by the sort keys, then by id, so the order is total and stable:
 *       an empty sort ranks by relevance.</li>
 *   <li>A page starts at an offset, or at a cursor from a previous page of the same query and
 *       sort; cursors make deep pages cost what the first does.</li>
 *   <li>Failures are {@link StoreException}s; a query the backend refuses is an
 *       {@link IllegalArgumentException} with the backend's reason.</li>
 * </ul>
 */
public interface CatalogSearch {

    /** One page of matching master records, and facet counts over all of them. */
    SearchResult search(SearchRequest request);

    /**
     * The distinct values of a {@code *_key}, code or number field around a position, with how
     * many live master records have each, in index order.
     *
     * @param from   the position: the values at or after it follow it, the others precede it
     * @param before how many values before {@code from} to return
     * @param after  how many values at or after {@code from} to return
     */
    List<TermCount> scan(String field, String from, int before, int after);

    /**
     * A search.
     *
     * @param query  Lucene syntax; {@code *:*} for all records
     * @param params the parameters the query dereferences
     * @param sort   sort keys; empty ranks by relevance
     * @param start  the offset of the first record (0-based); ignored with a cursor
     * @param cursor null, {@link CatalogStore#FIRST_PAGE} to start a cursor walk, or the
     *               {@link SearchResult#nextCursor()} of the previous page
     * @param rows   how many records; 0 for only the count and facets
     * @param withRecords false to read only ids (a cursor walk to a deep position)
     * @param facets the fields to count values of
     */
    record SearchRequest(
            String query,
            Map<String, String> params,
            List<SortKey> sort,
            long start,
            String cursor,
            int rows,
            boolean withRecords,
            List<FacetRequest> facets) {

        public SearchRequest {
            params = Map.copyOf(params);
            sort = List.copyOf(sort);
            facets = List.copyOf(facets);
        }
    }

    /** A sort key on a field with docValues; missing values sort last in either direction. */
    record SortKey(String field, boolean descending) {}

    /**
     * Values of a field to count.
     *
     * @param byCount most frequent first when true, else in index order
     */
    record FacetRequest(String field, int offset, int limit, boolean byCount) {}

    /**
     * @param total      how many records match
     * @param records    the page: id, datestamp, libraries and canonical XML of each (only the id
     *                   without records)
     * @param nextCursor the cursor of the following page when the request used one, else null
     * @param facets     per requested field, its values with their counts
     */
    record SearchResult(
            long total, List<StoredRecord> records, String nextCursor, Map<String, List<TermCount>> facets) {}

    /** A value of a field and how many records have it. */
    record TermCount(String term, long count) {}
}
