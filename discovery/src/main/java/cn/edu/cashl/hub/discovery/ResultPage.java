package cn.edu.cashl.hub.discovery;

import cn.edu.cashl.hub.catalog.CatalogSearch.TermCount;
import java.util.List;
import java.util.Map;

/**
 * One page of a reader's search.
 *
 * @param query   the search
 * @param total   how many master records it finds
 * @param hits    the page's records, in order
 * @param facets  per facet, its most frequent values among all the records found, with counts
 * @param problem why there are no results other than that nothing matched, or null
 */
public record ResultPage(
        ReaderQuery query, long total, List<Hit> hits, Map<Facet, List<TermCount>> facets, SearchProblem problem) {

    public ResultPage {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
    }

    /** The last page there is (1 when nothing was found). */
    public long lastPage() {
        return Math.max(1, (total + query.size() - 1) / query.size());
    }

    /** The page of a search for nothing: no results, no problem. */
    public static ResultPage empty(ReaderQuery query) {
        return failed(query, null);
    }

    /** The page of a search the catalogue could not answer. */
    public static ResultPage unavailable(ReaderQuery query) {
        return failed(query, new SearchProblem(SearchProblem.Kind.UNAVAILABLE, null));
    }

    static ResultPage failed(ReaderQuery query, SearchProblem problem) {
        return new ResultPage(query, 0, List.of(), Map.of(), problem);
    }
}
