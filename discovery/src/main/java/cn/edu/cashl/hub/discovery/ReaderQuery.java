package cn.edu.cashl.hub.discovery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A reader's search as its URL states it (docs/search.md): the words ({@code q}) and where to look
 * for them ({@code field}), the facet values it is narrowed to (one parameter per facet, repeatable:
 * {@code holding=pku&type=book}), the order, the page and its size, and the reader's home library.
 * Whatever a URL holds, it reads as a search: unknown values fall back to the defaults, so a shared
 * or hand-edited link never fails.
 *
 * @param text    the words, stripped; empty for none
 * @param filters per facet, the values it is narrowed to (every one must hold)
 * @param page    1-based; no upper limit
 * @param size    results per page, one of {@link #SIZES}
 * @param library the reader's home library code, or null
 */
public record ReaderQuery(
        String text,
        SearchField field,
        Map<Facet, List<String>> filters,
        SortOrder sort,
        int page,
        int size,
        String library) {

    public static final int DEFAULT_SIZE = 20;
    public static final List<Integer> SIZES = List.of(10, 20, 50);
    /** Longer words are cut here: more is no search a reader types. */
    static final int MAX_TEXT = 1000;
    /** Filter values per facet, at most. */
    static final int MAX_VALUES = 20;

    public ReaderQuery {
        text = text == null ? "" : text.strip();
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
        EnumMap<Facet, List<String>> copy = new EnumMap<>(Facet.class);
        filters.forEach((facet, values) -> {
            if (!values.isEmpty()) {
                copy.put(facet, List.copyOf(values));
            }
        });
        filters = Collections.unmodifiableMap(copy);
        page = Math.max(1, page);
        size = SIZES.contains(size) ? size : DEFAULT_SIZE;
        library = library == null || library.isBlank() ? null : library.strip();
    }

    /** A search for these words in every field, first page. */
    public static ReaderQuery of(String text) {
        return new ReaderQuery(text, SearchField.ALL, Map.of(), SortOrder.RELEVANCE, 1, DEFAULT_SIZE, null);
    }

    /**
     * The search a URL's parameters state.
     *
     * @param params  the parameters, each with all its values
     * @param library the home library when the URL names none (the reader's cookie), or null
     */
    public static ReaderQuery from(Map<String, List<String>> params, String library) {
        EnumMap<Facet, List<String>> filters = new EnumMap<>(Facet.class);
        params.forEach((name, values) -> {
            Facet facet = Facet.of(name);
            if (facet != null) {
                Set<String> kept = new LinkedHashSet<>();
                for (String value : values) {
                    if (value != null && !value.isBlank() && kept.size() < MAX_VALUES) {
                        kept.add(value.strip());
                    }
                }
                filters.put(facet, List.copyOf(kept));
            }
        });
        String named = first(params, "library");
        return new ReaderQuery(
                first(params, "q"),
                SearchField.of(first(params, "field")),
                filters,
                SortOrder.of(first(params, "sort")),
                number(first(params, "page"), 1),
                number(first(params, "size"), DEFAULT_SIZE),
                named != null && !named.isBlank() ? named : library);
    }

    /** Neither words nor filters: nothing to search for yet. */
    public boolean isEmpty() {
        return text.isEmpty() && filters.isEmpty();
    }

    /** The offset of the page's first result. */
    public long offset() {
        return (long) (page - 1) * size;
    }

    /**
     * The search in CQL, as the SRU endpoint would be asked it: the words in their field, then every
     * filter, joined with {@code and}; all records when there is neither.
     */
    public String cql() {
        List<String> clauses = new ArrayList<>();
        if (!text.isEmpty()) {
            clauses.add(field.clause(text));
        }
        filters.forEach((facet, values) -> values.forEach(value -> clauses.add(facet.clause(value))));
        if (clauses.isEmpty()) {
            return "cql.allRecords = 1";
        }
        return clauses.size() == 1 ? clauses.get(0) : "(" + String.join(") and (", clauses) + ")";
    }

    /** Whether the search is narrowed to this value. */
    public boolean has(Facet facet, String value) {
        return filters.getOrDefault(facet, List.of()).contains(value);
    }

    public ReaderQuery toPage(int number) {
        return new ReaderQuery(text, field, filters, sort, number, size, library);
    }

    public ReaderQuery sortedBy(SortOrder order) {
        return new ReaderQuery(text, field, filters, order, 1, size, library);
    }

    /** Narrowed to one more value, from the first page. */
    public ReaderQuery with(Facet facet, String value) {
        EnumMap<Facet, List<String>> more = new EnumMap<>(Facet.class);
        more.putAll(filters);
        List<String> values = new ArrayList<>(filters.getOrDefault(facet, List.of()));
        if (!values.contains(value)) {
            values.add(value);
        }
        more.put(facet, values);
        return new ReaderQuery(text, field, more, sort, 1, size, library);
    }

    /** Without one value, from the first page. */
    public ReaderQuery without(Facet facet, String value) {
        EnumMap<Facet, List<String>> fewer = new EnumMap<>(Facet.class);
        fewer.putAll(filters);
        List<String> values = new ArrayList<>(filters.getOrDefault(facet, List.of()));
        values.remove(value);
        fewer.put(facet, values);
        return new ReaderQuery(text, field, fewer, sort, 1, size, library);
    }

    /**
     * The search's parameters as a URL states them, defaults left out, in a fixed order: {@code q},
     * {@code field}, the facets, {@code sort}, {@code page}, {@code size}, {@code library}.
     */
    public Map<String, List<String>> parameters() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (!text.isEmpty()) {
            params.put("q", List.of(text));
        }
        if (field != SearchField.ALL) {
            params.put("field", List.of(field.param()));
        }
        filters.forEach((facet, values) -> params.put(facet.param(), values));
        if (sort != SortOrder.RELEVANCE) {
            params.put("sort", List.of(sort.param()));
        }
        if (page != 1) {
            params.put("page", List.of(Integer.toString(page)));
        }
        if (size != DEFAULT_SIZE) {
            params.put("size", List.of(Integer.toString(size)));
        }
        if (library != null) {
            params.put("library", List.of(library));
        }
        return params;
    }

    /** {@link #parameters()} as the query string of a URL. */
    public String queryString() {
        StringBuilder query = new StringBuilder();
        parameters()
                .forEach((name, values) -> values.forEach(value -> {
                    if (!query.isEmpty()) {
                        query.append('&');
                    }
                    query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                }));
        return query.toString();
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static int number(String value, int otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
